import * as assert from 'node:assert/strict';
import { normalizeText, slugify, tokenize, toOriginalRange } from '../../server/src/engine';

describe('normalizeText', () => {
  it('folds case, quotes, dashes, white space and NBSP', () => {
    assert.equal(normalizeText('  Each\u00a0Other’s   “Success”\u2014Now ').text, 'each other\'s "success"-now');
  });

  it('joins the hyphenation artefact of hard-wrapped sources', () => {
    assert.equal(normalizeText('an ambitious and whole-of- government effort').text, 'an ambitious and whole-of-government effort');
    assert.equal(normalizeText('whole-of-\n   government').text, 'whole-of-government');
    // A spaced dash is punctuation, not a wrap artefact.
    assert.equal(normalizeText('climate - and nature').text, 'climate - and nature');
  });

  it('treats CRLF, CR and LF alike', () => {
    assert.equal(normalizeText('one\r\ntwo\rthree\nfour').text, 'one two three four');
  });

  it('drops zero-width characters and soft hyphens, expands the ellipsis character', () => {
    assert.equal(normalizeText('co\u00adoperation\u200b now…').text, 'cooperation now...');
  });

  it('maps every normalised character back to the original character it came from', () => {
    const original = '“Bound by history\u00a0and\r\n   geography,” the whole-of- government Partnership…';
    const n = normalizeText(original);
    assert.equal(n.map.length, n.text.length + 1);
    for (let i = 0; i < n.text.length; i++) {
      const from = original[n.map.at(i)];
      const ch = n.text[i];
      const ok =
        from.toLowerCase() === ch ||
        (ch === ' ' && /\s/.test(from)) ||
        (ch === '"' && /[“”"]/.test(from)) ||
        (ch === '.' && from === '…');
      assert.ok(ok, `normalised ${JSON.stringify(ch)} at ${i} maps to ${JSON.stringify(from)}`);
    }
    assert.equal(n.map.at(n.text.length), original.length);
  });

  it('round-trips a normalised range to the exact original text', () => {
    const original = 'The leaders agreed to a\r\nwhole-of- government  EFFORT today.';
    const n = normalizeText(original);
    const at = n.text.indexOf('whole-of-government effort');
    const r = toOriginalRange(n, at, at + 'whole-of-government effort'.length, original);
    assert.equal(original.slice(r.start, r.end), 'whole-of- government  EFFORT');
  });

  it('keeps surrogate pairs intact and mapped', () => {
    const original = 'Flags 🇨🇦 and 🇺🇸 agree';
    const n = normalizeText(original);
    assert.equal(n.text, 'flags 🇨🇦 and 🇺🇸 agree');
    const at = n.text.indexOf('agree');
    assert.equal(original.slice(n.map.at(at), n.map.at(at) + 5), 'agree');
  });

  it('keeps case when asked', () => {
    assert.equal(normalizeText('The  NATO Summit', { keepCase: true }).text, 'The NATO Summit');
  });

  it('returns an empty text for blank input', () => {
    const n = normalizeText(' \n\t ');
    assert.equal(n.text, '');
    assert.equal(n.map.length, 1);
  });
});

describe('tokenize and slugify', () => {
  it('splits words and keeps inner apostrophes', () => {
    assert.deepEqual(
      tokenize("each other's u.s.-canada 2+2").map(t => t.text),
      ["each", "other's", 'u', 's', 'canada', '2', '2'],
    );
  });

  it('slugs section titles the way citation ids use them', () => {
    assert.equal(slugify('Combating COVID-19'), 'combating-covid-19');
    assert.equal(slugify('Bolstering Security and Defense'), 'bolstering-security-and-defense');
    assert.equal(slugify('Économie & Énergie'), 'economie-energie');
    assert.equal(slugify('***'), 'section');
  });
});
