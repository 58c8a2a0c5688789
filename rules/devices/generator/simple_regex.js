// Spells out a regular expression as the strings it matches, for the developer tool that
// extracts facts from Matomo device-detector's model patterns (extract_device_detector.js).
// Tested by tests/devicedb/simple_regex_test.js.
'use strict';

// Expands a regular expression of the simple shape the detector's model lists use (literals,
// groups, alternation, character classes, "?") into every string it matches, or null when it
// holds anything else (\d, *, +, {n}, ., anchors, lookarounds) or more than `limit` strings.
function expand(regex, limit = 256) {
  let pos = 0;
  const fail = () => { throw new Error('not simple'); };
  const cap = (list) => { if (list.length > limit) fail(); return list; };
  const product = (left, right) => cap(left.flatMap((a) => right.map((b) => a + b)));

  function alternatives() {  // alt ('|' alt)*
    let out = sequence();
    while (regex[pos] === '|') { pos++; out = cap(out.concat(sequence())); }
    return out;
  }
  function sequence() {
    let out = [''];
    while (pos < regex.length && regex[pos] !== '|' && regex[pos] !== ')') {
      let atom = single();
      if (regex[pos] === '?') { pos++; atom = atom.concat(['']); }
      if ('*+{'.includes(regex[pos] || '_')) fail();
      out = product(out, atom);
    }
    return out;
  }
  function single() {
    const c = regex[pos];
    if (c === '(') {
      pos++;
      if (regex[pos] === '?') { if (regex[pos + 1] !== ':') fail(); pos += 2; }
      const inner = alternatives();
      if (regex[pos] !== ')') fail();
      pos++;
      return inner;
    }
    if (c === '[') return characterClass();
    if (c === '\\') {
      const next = regex[pos + 1];
      if (!next || /[A-Za-z0-9]/.test(next)) fail();  // \d, \s, \w…
      pos += 2;
      return [next];
    }
    if ('.^$*+?{}'.includes(c)) fail();
    pos++;
    return [c];
  }
  function characterClass() {
    pos++;
    if (regex[pos] === '^') fail();
    const chars = [];
    while (pos < regex.length && regex[pos] !== ']') {
      let c = regex[pos++];
      if (c === '\\') fail();
      if (regex[pos] === '-' && regex[pos + 1] && regex[pos + 1] !== ']') {
        const to = regex[pos + 1];
        pos += 2;
        for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
      } else {
        chars.push(c);
      }
    }
    if (regex[pos] !== ']') fail();
    pos++;
    return cap(chars);
  }
  try {
    const out = alternatives();
    return pos === regex.length ? out : null;
  } catch (e) {
    return null;
  }
}

// The top-level alternatives of a regular expression, so that one complicated alternative
// does not lose the simple ones beside it.
function topLevelAlternatives(regex) {
  const parts = [];
  let depth = 0, inClass = false, start = 0;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(regex.slice(start, i)); start = i + 1; }
  }
  parts.push(regex.slice(start));
  return parts;
}
module.exports = { expand, topLevelAlternatives };
