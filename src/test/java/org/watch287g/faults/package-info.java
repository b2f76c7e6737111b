/**
 * The fault suite (issue 8): the packaged jar run as a child process against local fakes, then
 * crashed, starved of its source, refused by its platform, locked out of its database and sent
 * hostile requests. Each test says what a user or an operator notices. A fast form runs in {@code
 * mvn verify}; {@code -Dfaults.long=true} runs the long form.
 */
@NullMarked
package org.watch287g.faults;

import org.jspecify.annotations.NullMarked;
