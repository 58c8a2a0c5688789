// The developer tool that spells out the detector's model patterns (simple_regex.js): what it
// expands, and the patterns it refuses rather than guess. Run by ctest with node.
'use strict';
const assert = require('assert');
const path = require('path');
const { expand, topLevelAlternatives } =
    require(path.join(__dirname, '../../rules/devices/generator/simple_regex.js'));

const sorted = (list) => (list ? [...list].sort() : list);

// Real patterns of the detector's Huawei and Honor lists.
assert.deepStrictEqual(sorted(expand('PTP-(?:AN[01267]0|N[245]9)')),
                       ['PTP-AN00', 'PTP-AN10', 'PTP-AN20', 'PTP-AN60', 'PTP-AN70',
                        'PTP-N29', 'PTP-N49', 'PTP-N59']);
assert.deepStrictEqual(sorted(expand('AGM3-(?:W|AL)09HN')), ['AGM3-AL09HN', 'AGM3-W09HN']);
assert.deepStrictEqual(sorted(expand('FIN-AL60a?')), ['FIN-AL60', 'FIN-AL60a']);
assert.deepStrictEqual(sorted(expand('BAH3-(?:AN10|[LW]09)')),
                       ['BAH3-AN10', 'BAH3-L09', 'BAH3-W09']);
assert.deepStrictEqual(expand('Honor 30 Pro\\+'), ['Honor 30 Pro+']);  // an escaped sign

// Anything that is not a finite list: refused, not guessed.
assert.strictEqual(expand('Maimang (\\d)'), null);
assert.strictEqual(expand('SM-A.*'), null);
assert.strictEqual(expand('V20[0-9]{2}A'), null);
assert.strictEqual(expand('(?!Browser)HUAWEI'), null);
assert.strictEqual(expand('[^A]1'), null);
assert.strictEqual(expand('(?:A|B'), null);  // unbalanced
assert.strictEqual(expand('[A-Z][A-Z][0-9]', 256), null);  // 6,760 strings: over the limit

// Top-level alternatives split outside groups and classes only, so one refused alternative
// does not lose the others beside it.
assert.deepStrictEqual(topLevelAlternatives('A-1|(?:B|C)-2|[|]D|E\\|F'),
                       ['A-1', '(?:B|C)-2', '[|]D', 'E\\|F']);
process.stdout.write('simple_regex: all checks passed\n');
