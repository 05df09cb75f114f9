import * as assert from 'node:assert/strict';
import { cleanInline, isImageOnly, joinsAcrossBreak, mappedString, repairHyphenation } from '../../server/src/engine/sources/inline';

/** The cleaned text, after checking that each of its characters maps to itself in the input (or replaces an escape or entity there). */
function clean(input: string): string {
  const m = cleanInline(mappedString(input));
  assert.equal(m.offsets.length, m.text.length);
  for (let i = 0; i < m.text.length; i++) {
    const c = m.text[i];
    const f = input[m.offsets[i]];
    assert.ok(c === f || f === '&' || f === '<' || (c === ' ' && f === '_'), `${JSON.stringify(input)}: ${JSON.stringify(c)} at ${i} maps to ${JSON.stringify(f)}`);
    if (i > 0) assert.ok(m.offsets[i] > m.offsets[i - 1], `offsets increase at ${i}`);
  }
  return m.text;
}

describe('inline markup of sources: the official words, offsets kept', () => {
  it('reduces links to their text and drops images whole', () => {
    assert.equal(
      clean('the [Paris Agreement](https://unfccc.int/process-and-meetings/the-paris-agreement) and welcomed ![the seal](img/seal.png) the seal'),
      'the Paris Agreement and welcomed the seal',
    );
    assert.equal(clean('a [link (with parens)](https://en.wikipedia.org/wiki/Foo_(bar) "Title") here'), 'a link (with parens) here');
    assert.equal(clean('[launched the Climate Partnership](https://example.org/a.pdf).'), 'launched the Climate Partnership.');
    assert.equal(clean('see [the plan][1] and <https://example.org/x>'), 'see the plan and https://example.org/x');
    assert.equal(clean('[![badge](b.png)](https://x.org) after'), 'after');
  });

  it('removes backslash escapes; `\\_` between words and `\\ ` are non-breaking spaces', () => {
    assert.equal(clean('Weapons \\[and Materials\\] of Mass Destruction'), 'Weapons [and Materials] of Mass Destruction');
    assert.equal(clean('President Joe\\_Biden met Prime\\ Minister Trudeau'), 'President Joe Biden met Prime Minister Trudeau');
    assert.equal(clean('escaped \\*not emphasis\\* and \\_x\\_ and 1\\. first'), 'escaped *not emphasis* and _x_ and 1. first');
    assert.equal(clean('an escaped \\[link\\](not-a-link)'), 'an escaped [link](not-a-link)');
  });

  it('removes emphasis markers, paired or stray, but not an asterisk or underscore that is text', () => {
    assert.equal(clean('The leaders **agreed** to __renew__ the *whole* _plan_'), 'The leaders agreed to renew the whole plan');
    assert.equal(clean('**1. Catalyze Clean Energy:** Deeper'), '1. Catalyze Clean Energy: Deeper');
    assert.equal(clean('stray ** here and __ there'), 'stray here and there');
    assert.equal(clean('snake_case_word and 5 * 3 * 2 and Email Address*'), 'snake_case_word and 5 * 3 * 2 and Email Address*');
    assert.equal(clean('**a **b** c'), 'a b c');
    assert.equal(clean('**** and **'), 'and');
  });

  it('stays linear on a long paragraph of unpaired markers', () => {
    const text = '**a '.repeat(20000);
    const started = Date.now();
    assert.equal(cleanInline(mappedString(text)).text, 'a '.repeat(20000));
    // A lazy pairing regex took about 4 s here; one pass takes milliseconds.
    assert.ok(Date.now() - started < 1500, `${Date.now() - started} ms`);
  });

  it('removes inline HTML tags and decodes entities', () => {
    assert.equal(clean('<span style="text-decoration: underline">THE ALLIANCE</span> &amp; <u>more</u>'), 'THE ALLIANCE & more');
    assert.equal(clean('Canada&#8217;s &ldquo;plan&rdquo;'), 'Canada’s “plan”');
    assert.equal(clean('<!-- a comment -->Text'), 'Text');
    assert.equal(clean('a <script>kept</script> tag'), 'a <script>kept</script> tag');
  });

  it('drops soft hyphens', () => {
    assert.equal(clean('inter\u00adnational'), 'international');
  });

  it('repairs a hyphenated word split by a line break, not a suspended hyphen', () => {
    assert.equal(clean('an ambitious and whole-of- government effort'), 'an ambitious and whole-of-government effort');
    assert.equal(clean('anti- corruption'), 'anti-corruption');
    for (const kept of ['low- and middle-income countries', 'short- to medium-term', 'pré- et post-électoral', 'U.S.- Japan', 'first- or second-hand']) {
      assert.equal(repairHyphenation(mappedString(kept)).text, kept);
    }
    assert.equal(joinsAcrossBreak('Indo-', 'Pacific'), true);
    assert.equal(joinsAcrossBreak('low-', 'and middle-income'), false);
    assert.equal(joinsAcrossBreak('2021 -', 'x'), false);
  });

  it('recognises a paragraph that is only images', () => {
    assert.equal(isImageOnly('![The President](photo.jpg)'), true);
    assert.equal(isImageOnly('[![logo](logo.png)](https://example.org)'), true);
    assert.equal(isImageOnly('![The President](photo.jpg) met the Prime Minister'), false);
    assert.equal(isImageOnly('The President met the Prime Minister'), false);
  });
});
