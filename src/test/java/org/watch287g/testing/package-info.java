/** Local fakes of the outside world (ICE's site, later Slack and Discord) for tests. */
package org.watch287g.testing;
