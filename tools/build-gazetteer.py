#!/usr/bin/env python3
"""Builds watch287g's compact gazetteer resources from the public-domain Census files.

usage: python3 tools/build-gazetteer.py SHARED_GAZETTEER_DIR src/main/resources/gazetteer

Reads (see SHARED_GAZETTEER_DIR/SOURCES.md for where each comes from and its licence):
  counties_census2023_cb.csv      the 2023 counties and county-equivalents (the FIPS the bot uses)
  counties_census2010.csv         full legal names ("Orleans Parish", "St. Louis city") and 2010 codes
  place_county_2020_geocorr.csv   every 2020 Census place (and NY town) with all its counties
  geonames_us_places_county.csv   other named places (GeoNames, CC BY 4.0), one county each
  us_cities_states_counties.csv   postal place names (CC0): the last resort, for New England towns
  county_subdivisions_2020.csv    every 2020 county subdivision (townships, towns) with its county
Writes, UTF-8, tab-separated, no header, sorted so the output is reproducible:
  counties.tsv  fips, state, full name, 2010 codes this one replaces (comma-separated, may be empty)
  places.tsv    state, place name without its Census suffix, kind, counties as fips:share,...
                (kind: the Census suffix such as city/town/village/CDP, "ny-" + suffix for New
                York towns, "geonames", or "postal"; share: the place's 2020 population share, 1
                if unknown)
  subdivisions.tsv  state, subdivision name without its type word, type word ("township", "town",
                "charter township", "plantation", "-" for none), 5-digit county FIPS (2023 vintage)
                (only real governments: is_mcd = 1 and FUNCSTAT A, B, C, G or I; FUNCSTAT F rows are
                incorporated places already in places.tsv, N and S rows are no government.
                Connecticut towns are moved from their 2020 county to their 2022 planning region
                where GeoNames knows the town, and left out where it does not)
The output is committed; the build never runs this script.
"""
import csv, os, re, sys, unicodedata

src, out = sys.argv[1], sys.argv[2]

def rows(name, **kw):
    with open(os.path.join(src, name), encoding='utf-8', newline='') as f:
        yield from csv.DictReader(f, **kw)

STATE_BY_FIPS = {}
full_2010 = {}
for r in rows('counties_census2010.csv'):
    STATE_BY_FIPS[r['statefp']] = r['state']
    full_2010[r['statefp'] + r['countyfp']] = r['countyname']

# Counties new since 2010, with the legal suffix the 2023 file leaves off, and what each replaced.
NEW_SUFFIX = {'02063': 'Census Area', '02066': 'Census Area', '02158': 'Census Area', '46102': 'County'}
REPLACES = {'02063': ['02261'], '02066': ['02261'], '02158': ['02270'], '46102': ['46113'],
            '51019': ['51515']}

counties = []
for r in rows('counties_census2023_cb.csv'):
    fips, short = r['geoid'], r['county_name']
    st = STATE_BY_FIPS[r['state_fips']]
    if fips in full_2010:
        name = full_2010[fips]
        # The 2010 file is ASCII ("Dona Ana County"); the 2023 one keeps the accents.
        ascii_short = unicodedata.normalize('NFKD', short).encode('ascii', 'ignore').decode()
        if ascii_short != short and name.startswith(ascii_short):
            name = short + name[len(ascii_short):]
    elif fips.startswith('09'):
        name = short + ' Planning Region'
    else:
        name = short + ' ' + NEW_SUFFIX[fips]
    counties.append((fips, st, name, ','.join(REPLACES.get(fips, []))))
counties.sort()
current = {c[0] for c in counties}

SUFFIX = re.compile(r'\s+(city and borough|city|town|village|borough|CDP|township|municipality|'
                    r'comunidad|zona urbana|urban county|unified government|metropolitan government|'
                    r'consolidated government|metro township|plantation|corporation|reservation)'
                    r'(\s*\(balance\))?$', re.I)

def split_suffix(name):
    name = re.sub(r'\s*\(balance\)$', '', name)
    m = SUFFIX.search(name)
    if not m:
        return name, ''
    return name[:m.start()], m.group(1).lower()

places = {}  # (state, name, kind) -> {fips: share}
for r in rows('place_county_2020_geocorr.csv'):
    st, fips = r['state'], r['county_fips']
    if st == 'CT':
        continue  # 2020 Connecticut counties are gone; GeoNames has CT places by planning region
    pop = int(r['pop2020'] or 0)
    share = float(r['share_of_place'] or 0)
    name, kind = split_suffix(r['name'])
    if r['kind'] == 'cousub':
        kind = 'ny-' + (kind or 'town')
    key = (st, name, kind or 'place')
    parts = places.setdefault(key, {})
    # A county counts when at least one of the place's 2020 residents lives there: a police
    # department's alerts matter to everyone under it, however few. A part with no residents is
    # kept only when it is the place's only (primary) row, so that every place has a county.
    if pop > 0 or r['primary'] == '1':
        parts[fips] = max(parts.get(fips, 0.0), share if pop > 0 else 1.0)

seen = {(st, name.lower()) for (st, name, _) in places}
for r in rows('geonames_us_places_county.csv'):
    st, fips = r['state'], r['county_fips']
    if not fips or fips not in current:
        continue
    if (st, r['name'].lower()) in seen:
        continue
    places.setdefault((st, r['name'], 'geonames'), {})[fips] = 1.0

def fold(text):
    text = unicodedata.normalize('NFKD', text).encode('ascii', 'ignore').decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "")).strip()
    text = re.sub(r"^saint ", "st ", text)
    text = re.sub(r" (county|parish|borough|census area|city and borough|municipality)$", "", text)
    return text.replace(" ", "")

county_by_name = {}
for fips, st, name, _ in counties:
    county_by_name.setdefault((st, fold(name)), fips)

# Postal names join the list only where nothing better knows them: New England towns, mostly.
# A postal city lists every county its ZIP codes touch, so it is the weakest source.
seen = {(st, name.lower()) for (st, name, _) in places}
postal = {}
for r in rows('us_cities_states_counties.csv', delimiter='|'):
    st, city = r['State short'], r['City']
    if st == 'CT' or (st, city.lower()) in seen:
        continue
    fips = county_by_name.get((st, fold(r['County'])))
    if fips:
        postal.setdefault((st, city), {})[fips] = 1.0
for (st, city), parts in postal.items():
    places[(st, city, 'postal')] = parts

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'counties.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    for c in counties:
        f.write('\t'.join(c) + '\n')
with open(os.path.join(out, 'places.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    for (st, name, kind) in sorted(places):
        parts = places[(st, name, kind)]
        if not parts:
            continue
        cs = ','.join(f'{fips}:{share:.4g}' for fips, share in sorted(parts.items()))
        f.write(f'{st}\t{name}\t{kind}\t{cs}\n')

# County subdivisions that are governments: Pennsylvania townships, New England towns, ...
ct_region = {}
for r in rows('geonames_us_places_county.csv'):
    if r['state'] == 'CT' and r['county_fips'].startswith('091'):
        ct_region.setdefault(r['name'].lower(), set()).add(r['county_fips'])
subdivisions = set()
ct_missing = 0
for r in rows('county_subdivisions_2020.csv'):
    if r['is_mcd'] != '1' or r['funcstat'] not in ('A', 'B', 'C', 'G', 'I'):
        continue
    st, base, fips = r['state_abbr'], r['name_base'], r['county_fips']
    kind = r['name'][len(base):].strip().lower() or '-'
    if st == 'CT':
        regions = ct_region.get(base.lower(), set())
        if len(regions) != 1:
            ct_missing += 1
            continue
        fips = regions.pop()
    if fips not in current:
        raise SystemExit(f'{r["name"]}, {st}: county {fips} is not a 2023 county')
    subdivisions.add((st, base, kind, fips))
with open(os.path.join(out, 'subdivisions.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    for row in sorted(subdivisions):
        f.write('\t'.join(row) + '\n')
print(f'{len(counties)} counties, {len(places)} places, {len(subdivisions)} subdivisions written to '
      f'{out} ({ct_missing} Connecticut towns without a known planning region left out)',
      file=sys.stderr)
