#!/usr/bin/env bash
# Copies the web UI's third-party assets from npm packages into the Python package's static folder.
# `make install` runs it after `npm ci`; the copies are not committed (see .gitignore).
set -euo pipefail
cd "$(dirname "$0")"
out=../wirecoder/web/static/vendor
mkdir -p "$out"
cp node_modules/d3/dist/d3.min.js "$out/d3.min.js"
cp node_modules/d3/LICENSE "$out/d3.LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/topojson-client.min.js"
cp node_modules/topojson-client/LICENSE "$out/topojson-client.LICENSE"
cp node_modules/world-atlas/countries-110m.json "$out/countries-110m.json"
cp node_modules/world-atlas/LICENSE "$out/world-atlas.LICENSE"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js "$out/swagger-ui-bundle.js"
cp node_modules/swagger-ui-dist/swagger-ui.css "$out/swagger-ui.css"
cp node_modules/swagger-ui-dist/LICENSE "$out/swagger-ui.LICENSE"
