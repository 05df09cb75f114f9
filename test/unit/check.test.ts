import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine';
import { bundledIndex } from '../support/corpus';
import { createEngine, explainCode, AllCodes } from '../../server/src/engine';
import { analyzeDraft, checkDraft } from '../../server/src/engine/check';


function check(text: string): Finding[] {
  return checkDraft(bundledIndex(), { uri: 'file:///draft.md', text }, {});
}
function codes(text: string): string[] {
  return check(text).map(f => f.code);
}
function at(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}

describe('check: quotations', () => {
  it('draws nothing for a verbatim quotation (curly and straight quotes)', () => {
    assert.deepEqual(codes('“The top priority of the President and the Prime Minister is to end the COVID-19 pandemic.”'), []);
    assert.deepEqual(codes('"The top priority of the President and the Prime Minister is to end the COVID-19 pandemic."'), []);
  });

  it('reports a changed word with the difference, the evidence and a fix', () => {
    const text = 'The leaders said "the partnership between the United States and Canada endures because we invest in one another\'s success."';
    const [f] = check(text);
    assert.equal(f.code, 'misquote');
    assert.equal(f.category, 'misquote');
    assert.match(f.message, /"one another's" where the source says "each other['’]s"/);
    assert.match(f.paragraphId, /^roadmap-2021-02-23#opening/);
    assert.ok(f.fix);
    const fixed = text.slice(0, f.fix!.start) + f.fix!.newText + text.slice(f.fix!.end);
    assert.deepEqual(codes(fixed), []);
    assert.ok(fixed.startsWith('The leaders said "') && fixed.endsWith('."'));
  });

  it('reports a Canadian spelling inside a quotation of a U.S. text as a spelling variant, at Information, not as a misquote', () => {
    const text = 'The President and the Prime Minister "will agree to expand cooperation on continental defence and in the Arctic".';
    const fs = check(text);
    assert.deepEqual(fs.map(f => [f.code, f.severity, at(text, f)]), [['spelling-variant', 'information', 'defence']]);
    assert.match(fs[0].message, /spelling variant of the source's "defense"/);
    const fixed = text.slice(0, fs[0].fix!.start) + fs[0].fix!.newText + text.slice(fs[0].fix!.end);
    assert.deepEqual(codes(fixed), []);
    // Outside the quotation marks the same spelling draws nothing.
    assert.deepEqual(codes('The President and the Prime Minister will agree to expand cooperation on continental defence and in the Arctic.'), []);
  });

  it('honours ellipses and square brackets', () => {
    assert.deepEqual(codes('"Canada and the United States will enhance law enforcement collaboration by reestablishing the Cross-Border Crime Forum ... to make communities safer."'), []);
    assert.deepEqual(codes('The leaders agreed to “strengthen cooperation under the Energy Resource Governance Initiative (ERGI) … to foster international cooperation on the minerals and metals that make the energy transition possible.”'), []);
    assert.deepEqual(codes('"[T]hey agreed to renew and update the existing Memorandum of Understanding (MOU) on the reliability and security of the North American energy infrastructure," the readout said.'), []);
    assert.deepEqual(codes('"[President Biden and Prime Minister Trudeau] agreed to work towards reviving the North American Leaders\' Summit as a recommitment of solidarity between the United States, Canada, and Mexico."'), []);
    // An ending added in brackets to the source's word (`expand[ed]`) is an editorial change; another word is still a misquote.
    assert.deepEqual(codes('The Roadmap says the two leaders "expand[ed] cooperation on continental defense and in the Arctic".'), []);
    assert.deepEqual(codes('The Roadmap says the two leaders "expand[ed] cooperation on continental defense and in the Pacific".'), ['misquote']);
  });

  it('accepts a quotation that starts and stops mid-sentence, with a final period inside the marks', () => {
    assert.deepEqual(codes('The two leaders agreed to work together "on environmental restoration and conservation efforts."'), []);
  });

  it('checks Markdown block quotes, across lines', () => {
    const text = 'As the two leaders wrote:\n\n> Bound by history and geography, the partnership between the United States\n> and Canada endures because we believe in each other’s success.';
    const fs = check(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].code, 'misquote');
    assert.equal(at(text, fs[0]), 'believe');
    assert.deepEqual(codes('Excerpt:\n\n> They also agreed to expand cooperation with respect to the promotion\n> of democracy, human rights, and media freedom in our hemisphere and\n> around the world.'), []);
  });

  it('reads a block quote that opens with a quotation and closes with its attribution as the quotation only', () => {
    const quote = '> "The Roadmap for a Renewed U.S.-Canada Partnership announced today establishes a blueprint for an ambitious … effort against the COVID-19 pandemic and in support of our mutual prosperity."';
    assert.deepEqual(codes(`${quote} (Joint statement of the President and the Prime Minister)`), []);
    assert.deepEqual(codes(`${quote.replace('an ambitious', 'a modest')} (Joint statement of the President and the Prime Minister)`), ['misquote']);
  });

  it('checks a quotation broken across lines and the source\'s hyphenation artefact', () => {
    assert.deepEqual(codes('The President and the Prime Minister "recognize coordinated border\npolicies remain central to controlling COVID-19 and new variants while\npromoting economic growth and recovery."'), []);
    assert.deepEqual(codes('The Roadmap establishes “a blueprint for an ambitious and whole-of- government effort against the COVID-19 pandemic”.'), []);
    assert.deepEqual(codes('The Roadmap establishes “a blueprint for an ambitious and whole-of-government effort against the COVID-19 pandemic”.'), []);
  });

  it('does not take apostrophes for quotation marks, but does check single quotes', () => {
    assert.deepEqual(codes("The President welcomed the Prime Minister's aim; Canada's plan is ambitious and the leaders' work continues."), []);
    const text = "The leaders reaffirmed their ‘determination to work together to counter terrorism and violent extremism in all its forms.’";
    assert.deepEqual(check(text).map(f => [f.code, at(text, f)]), [['misquote', 'its']]);
  });

  it('reports an attributed quotation that matches no source at Information only', () => {
    const text = 'The leaders said "we will build the largest hockey rink on the continent together."';
    const fs = check(text);
    assert.deepEqual(fs.map(f => [f.code, f.severity]), [['unsourced-quote', 'information']]);
    assert.deepEqual(checkDraft(bundledIndex(), { uri: 'x', text }, { reportUnsourcedQuotes: false }), []);
    assert.deepEqual(codes('My aunt likes to say "a penny saved is a penny earned" at dinner.'), []);
  });
});

describe('check: restatements', () => {
  const cases: [string, string, string, string][] = [
    ['figure', 'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.', 'changed-figure', '80 percent'],
    ['figure in words', 'Canada’s goal is ninety-five per cent non-emitting electricity by 2030.', 'changed-figure', 'ninety-five per cent'],
    ['2+2 format', 'They directed their Ministers of Foreign Affairs and National Defence and Secretaries of State and Defense to meet in a 3+3 Ministerial format.', 'changed-figure', '3+3'],
    ['actor', 'Prime Minister Trudeau condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.', 'changed-actor', 'Prime Minister Trudeau'],
    ['office', 'They directed their national security advisers to meet in a 2+2 format to further coordinate joint contributions to collective security.', 'changed-actor', 'national security advisers'],
    ['subject', 'Prime Minister Trudeau committed to work for the release of Michael Kovrig and Michael Spavor, whose arbitrary detention he condemned.', 'changed-actor', 'Prime Minister Trudeau'],
    ['second verb of one subject', 'The leaders directed officials to explore the creation of a cross-border task force to address gun smuggling and trafficking, and agreed to reduce support for capacity building in Central America.', 'opposite', 'reduce'],
    ['negation, matched by the leaders', 'The President and the Prime Minister did not reaffirm their commitment to combat systemic racism and discrimination.', 'negated', 'did not reaffirm'],
    ['both sides swapped', 'President Biden committed to partnering with Canada on a Summit for Democracy as well as through the Media Freedom Coalition.', 'changed-actor', 'President Biden'],
    ['claim of silence', 'Tellingly, the Roadmap makes no mention of the origins of the COVID-19 outbreak.', 'negated', 'makes no mention'],
    ['introduced for considered', 'By engaging policy actors from Canada and the United States, within and outside of government, the leaders will introduce child benefits and pay equity legislation.', 'overstated', 'introduce'],
    ['host swapped', 'The Prime Minister and the President expressed their commitment to cooperative action ahead of the Canada-hosted Leaders’ Climate Summit.', 'changed-actor', 'Canada'],
    ['subject before the matched words', 'At the February 2021 meeting, President Biden reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2030.', 'changed-actor', 'President Biden'],
    ['roles reversed', 'Prime Minister Trudeau welcomed the President’s aim to announce an enhanced 2030 emissions target by the Leaders’ Climate Summit.', 'changed-actor', 'Prime Minister Trudeau'],
    ['denial, no plans', 'Canada and the United States have no plans to reestablish the Cross-Border Crime Forum.', 'negated', 'have no plans'],
    ['denial, unable', 'The leaders were unable to agree on the importance of a transparent and independent evaluation of the origins of the COVID-19 outbreak.', 'negated', 'were unable'],
    ['denial, neither', 'Neither leader committed to measures supporting women’s full and equal participation in the workforce, including early learning and childcare.', 'negated', 'Neither'],
    ['opposite, pare back', 'The leaders agreed to pare back cooperation to counter exploitation of social media and the Internet by terrorists, violent extremists and hate groups.', 'opposite', 'pare back'],
    ['partner', 'The leaders agreed to work towards reviving the North American Leaders’ Summit as a recommitment of solidarity between the United States, Canada, and Brazil.', 'changed-actor', 'Brazil'],
    ['negation', 'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.', 'negated', 'will not launch'],
    ['overstated', 'The leaders agreed to align their approaches to China.', 'overstated', 'agreed'],
    ['hedged action', 'The President and the Prime Minister created a cross-border task force to address gun smuggling and trafficking.', 'overstated', 'created'],
    ['act for work towards', 'The leaders agreed to relaunch the North American Leaders’ Summit as a recommitment of solidarity between the United States, Canada, and Mexico.', 'overstated', 'relaunch'],
    ['act for work towards, by root', 'The leaders will revive the North American Leaders’ Summit.', 'overstated', 'revive'],
    ['opposite, action word unknown to the source', 'Under the Roadmap, Canada and the United States will wind down the Cross-Border Crime Forum.', 'opposite', 'wind down'],
    ['opposite', 'The Prime Minister and the President agreed to reduce cooperation on continental defense and in the Arctic.', 'opposite', 'reduce'],
    ['altered name', 'Canada and the United States will reestablish the Cross-Forum on Border Crime to facilitate cooperation among law enforcement bodies.', 'altered-name', 'Cross-Forum on Border Crime'],
    ['altered plan', 'To that end, the leaders agreed to strengthen the Canada-U.S. Critical Minerals Strategy to target a net-zero industrial transformation.', 'altered-name', 'Strategy'],
    ['name listed with another', 'They agreed to leverage existing pandemic preparedness arrangements, such as the North American Plan for Animal and Pandemic Influenza and the Global Health Security Initiative.', 'altered-name', 'Initiative'],
    ['office of another department', 'The leaders directed their finance ministers to meet in a 2+2 Ministerial format to further coordinate our joint contributions to collective security.', 'changed-actor', 'finance ministers'],
    ['denial, no plans at this stage', 'On law enforcement, Senator, there are no plans at this stage to reestablish the Cross-Border Crime Forum.', 'negated', 'no plans'],
    ['denial, no commitment made', 'Neither leader made any commitment on national pledges to COVAX.', 'negated', 'Neither'],
    ['topic said to be absent', '- China did not come up.', 'negated', 'did not come up'],
    ['figure said to be absent', 'For all its ambition, the Roadmap sets no date for net-zero emissions.', 'negated', 'sets no date'],
    ['overstated after a lead-in', 'Great news for North America: the leaders agreed to relaunch the North American Leaders’ Summit with Mexico.', 'overstated', 'relaunch'],
    ['agreement on what was reviewed', 'Beyond Russia, they agreed on a common position on Venezuela, Myanmar, Iran, Yemen and the Middle East.', 'overstated', 'agreed'],
    ['avoided action', 'The leaders made clear they would avoid cooperating with China even on climate change.', 'opposite', 'avoid'],
    ['figure before a comment', 'The two countries will encourage others to achieve net-zero emissions no later than 2040 — a timeline that will shape investment on the Iron Range.', 'changed-figure', '2040'],
    ['negation before a comment', 'Canada and the United States will not reestablish the Cross-Border Crime Forum, relying instead on existing channels between police agencies.', 'negated', 'will not reestablish'],
    ['issue date before the title', 'Released on February 24, 2021, the Roadmap for a Renewed U.S.-Canada Partnership sets out six areas of work.', 'changed-figure', 'February 24, 2021'],
    ['denial, no agreement', 'There is no agreement between the leaders on a coordinated approach to easing Canada-U.S. border restrictions.', 'negated', 'no agreement'],
    ['denial that a topic was addressed', 'The leaders agreed to expand cooperation on continental defense and in the Arctic, but did not address NORAD modernization.', 'negated', 'did not address'],
    ['opposite, confronting', 'The leaders discussed dealing with China’s coercive and unfair economic practices, while confronting China on areas such as climate change.', 'opposite', 'confronting'],
    ['opposite, gradual', 'The President and the Prime Minister agreed to take aligned but gradual policy actions, including efforts toward a zero-emissions vehicle future.', 'opposite', 'gradual'],
    ['one side’s act credited to both', 'Both leaders acknowledged Canada’s new strengthened national climate plan and its globally ambitious price on pollution.', 'changed-actor', 'Both leaders'],
    ['overstated after a verb the source does not use', 'Alaska residents should know that the leaders committed to protecting the Arctic National Wildlife Refuge.', 'overstated', 'committed'],
    ['figure under a label with the right figure', '- 2+2: Ministers and Secretaries to meet in a 2+3 Ministerial format.', 'changed-figure', '2+3'],
    ['opposite in the passive', 'Under the Roadmap, the existing Memorandum of Understanding on the reliability and security of the North American energy infrastructure would be allowed to lapse.', 'opposite', 'lapse'],
    ['opposite of an action further from its object', 'The leaders expressed common concern about the global migration crisis and agreed to work together to curtail refugee resettlement.', 'opposite', 'curtail'],
    ['one side’s act credited to both, mid-sentence in the source', 'Both leaders affirmed the goal of a net-zero carbon pollution free power sector by 2035.', 'changed-actor', 'Both leaders'],
    ['denial, without', 'Each country will decide on its own when to ease Canada-U.S. border restrictions, without a coordinated approach.', 'negated', 'without'],
    ['denial, remain dormant', 'The Cross-Border Crime Forum will remain dormant for now.', 'negated', 'remain dormant'],
    ['opposite, restrict', 'In this context, the leaders agreed to enhance cooperation to counter exploitation of social media and the Internet by terrorists, violent extremists and hate groups, and to restrict reciprocal sharing on known and suspected threats.', 'opposite', 'restrict'],
    ['swapped term', 'The leaders agreed to make Canada and the United States global leaders in all aspects of solar panel development and production.', 'changed-term', 'solar panel'],
  ];
  for (const [name, text, code, span] of cases) {
    it(`flags a changed ${name}`, () => {
      const fs = check(text).filter(f => f.severity === 'warning');
      assert.ok(fs.some(f => f.code === code && f.category === 'contradiction' && text.slice(f.start, f.end).includes(span.split(' ')[0])), `${code} on "${span}": got ${JSON.stringify(fs.map(f => [f.code, at(text, f)]))}`);
      const f = fs.find(x => x.code === code)!;
      assert.match(f.message, /Roadmap|Statement/);
      assert.ok(f.paragraphId);
    });
  }

  it('finds nothing wrong with the sources themselves, paragraph by paragraph and sentence by sentence', () => {
    const index = bundledIndex();
    for (const para of index.paragraphs) {
      const texts = [para.text, ...para.sentences.map(x => para.text.slice(x.start, x.end))];
      for (const text of texts) {
        // Not even an Information finding: the source cannot understate itself.
        const fs = checkDraft(index, { uri: 'file:///source-as-draft.md', text }, {});
        assert.deepEqual(fs.map(f => `${f.code}: ${at(text, f)}`), [], `${para.id}: ${text}`);
      }
    }
  });

  it('stays quiet on unrelated statements about the same countries, in the same words', () => {
    for (const text of [
      'The leaders will introduce a carbon border adjustment.',
      'The Roadmap says nothing about softwood lumber duties.',
      'The President and the Prime Minister did not discuss the Keystone XL pipeline in this document.',
      "Canada and the United States share the world's longest undefended border.",
      'The leaders committed to a new agreement on Great Lakes water quality in 2012.',
      "Prime Minister Trudeau reaffirmed Canada's support for supply management in dairy.",
      'The President will host a state dinner for the Prime Minister next spring.',
      'The two countries agreed to extend the border closure to non-essential travel by another month.',
      'President Biden launched a new task force on semiconductors with Japan.',
      'The leaders welcomed the reopening of the Peace Arch crossing.',
      'Canada will reduce tariffs on American steel under the new agreement.',
      'The Prime Minister expressed concern about Buy American provisions.',
      'The United States and Canada will not renegotiate CUSMA.',
      'The leaders created a new binational commission on the Columbia River Treaty.',
      'Ottawa committed to buy 88 new fighter jets.',
      'Softwood lumber did not come up.',
      'The Roadmap sets no date for a decision on the Keystone XL pipeline.',
      'The Roadmap is silent on dairy quotas.',
      'The leaders agreed on a common position on softwood lumber.',
      'Canada will avoid imposing new tariffs on American steel.',
      'Our trade ministers will meet in Washington next month.',
      'Released on March 3, 2021, the new Canadian budget sets out six priorities.',
      'There is no agreement on softwood lumber.',
      'The leaders did not address the Keystone XL pipeline.',
      'Both leaders acknowledged the work of frontline health workers.',
    ]) {
      assert.deepEqual(check(text).filter(f => f.severity === 'warning' || f.severity === 'error').map(f => `${f.code}: ${at(text, f)}`), [], text);
    }
  });

  it('reports an understatement at Information level', () => {
    const fs = check('The leaders discussed a High Level Climate Ministerial.');
    assert.deepEqual(fs.map(f => [f.code, f.severity]), [['understated', 'information']]);
  });

  it('stays quiet on faithful paraphrases, partial and unrelated statements', () => {
    for (const text of [
      'Prime Minister Trudeau reaffirmed Canada’s target of ninety per cent non-emitting electricity by 2030.',
      'Two-way trade in goods and services is worth almost two billion dollars a day.',
      'The leaders agreed to broaden cooperation on continental defence and in the Arctic, including NORAD modernization.',
      'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
      'The North American Leaders’ Summit was last held in Ottawa in 2016.',
      'Snow is expected in Ottawa on Thursday.',
      'Acknowledging Canada’s strengthened climate plan, the President welcomed the Prime Minister’s aim to announce an enhanced 2030 emissions target by the Summit.',
      'The Prime Minister aimed to announce an enhanced 2030 emissions target for Canada’s NDC by the Leaders’ Climate Summit.',
      'The Prime Minister aims to announce Canada’s enhanced 2030 emissions target for its NDC by the Leaders’ Climate Summit, a goal the President welcomed.',
      'In it, the two countries committed to reestablish the Cross-Border Crime Forum.',
      'The two leaders discussed their shared concern about Russia’s treatment of Aleksey Navalny and its violation of Ukraine’s sovereignty and territorial integrity.',
      'At the February 2021 meeting, Prime Minister Trudeau reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2030.',
      'They directed their foreign and defence ministers to meet in a 2+2 format to coordinate joint contributions to collective security.',
      'NORAD, first established in 1958, is to be modernized as part of expanded cooperation on continental defense and in the Arctic.',
      'The leaders agreed to launch a High Level Climate Ministerial and reaffirmed their commitment to reducing oil and gas methane emissions.',
      'The leaders agreed to renew and update the energy MOU between the U.S. Department of Energy and Natural Resources Canada.',
      'The Roadmap for a Renewed U.S.-Canada Partnership was issued on 23 February 2021 in the names of President Joe Biden and Prime Minister Justin Trudeau.',
      'The Roadmap, released in February 2021, sets out six priorities.',
      'The Roadmap does not commit the leaders to relaunching the North American Leaders’ Summit outright; they agreed to work towards reviving it with Mexico.',
      'The White House described Americans and Canadians as friends, neighbors, NATO Allies and partners.',
      'The leaders committed to work with Canadian and American public and private financial institutions to advance climate-related financial risk disclosure.',
      'The two leaders voiced their shared concern about Russia’s egregious mistreatment of Aleksey Navalny.',
      'The Roadmap makes no mention of softwood lumber.',
      'On guns, the President and the Prime Minister noted their shared goal of reducing gun violence and asked officials to look into setting up a cross-border task force on gun smuggling and trafficking.',
      'The leaders agreed to expand cooperation on continental defense and in the Arctic, including NORAD modernization — a priority for Alaska.',
      'The leaders agreed to work together to help safeguard the Porcupine caribou herd calving grounds, which matter to the Gwich’in and Inuvialuit peoples.',
      '- 2+2: Ministers and Secretaries to meet in a 2+2 Ministerial format.',
      'The existing Memorandum of Understanding on the reliability and security of the North American energy infrastructure is to be renewed and updated.',
      'The leaders expressed their determination to work together to strengthen efforts on refugee resettlement.',
      'The leaders agreed to work together to expand support for capacity building in Central American countries affected by instability and irregular migration.',
      'The President affirmed the goal of a net-zero carbon pollution free power sector by 2035 for the United States.',
      'Both leaders agreed to take a coordinated approach, without delay, when considering measures to ease Canada-U.S. border restrictions.',
    ]) {
      assert.deepEqual(check(text).filter(f => f.severity !== 'information').map(f => f.code), [], text);
    }
  });
});

describe('check: suppression', () => {
  const bad = 'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.';
  it('disable-next-line', () => {
    assert.deepEqual(codes(`<!-- verbatim-disable-next-line -->\n${bad}`), []);
    assert.deepEqual(codes(`<!-- verbatim-disable-next-line misquote -->\n${bad}`), ['negated']);
    assert.deepEqual(codes(`<!-- verbatim-disable-next-line negated -->\n${bad}`), []);
  });
  it('disable … enable regions, with and without codes', () => {
    assert.deepEqual(codes(`<!-- verbatim-disable -->\n\n${bad}\n\n<!-- verbatim-enable -->\n\n${bad}`), ['negated']);
    assert.deepEqual(codes(`<!-- verbatim-disable misquote changed-figure -->\n\n${bad}`), ['negated']);
    assert.deepEqual(codes(`<!-- verbatim-disable negated -->\n\n${bad}`), []);
  });
});

describe('check: robustness', () => {
  it('handles an empty draft and odd Unicode', () => {
    assert.deepEqual(codes(''), []);
    assert.deepEqual(codes('\u200b\ufeff 🇨🇦🇺🇸 “” ‘’ "" \'\' … [] > \u0301'), []);
  });

  it('reads Markdown backslash escapes as the characters they escape, with offsets on the escaped text', () => {
    const text = 'They directed their Ministers of Foreign Affairs and National Defence and Secretaries of State and Defense to meet in a 2\\+3 Ministerial format.';
    assert.deepEqual(check(text).map(f => [f.code, at(text, f)]), [['changed-figure', '2\\+3']]);
    assert.deepEqual(codes(text.replace('2\\+3', '2\\+2')), []);
    assert.deepEqual(codes('Our bilateral trade totals nearly \\$2 billion every day in goods and services.'), []);
    assert.deepEqual(codes('Our bilateral trade totals nearly \\$3 billion every day in goods and services.'), ['changed-figure']);
  });

  it('handles CRLF drafts with the same results and offsets on the CRLF text', () => {
    const lf = 'Readout\n\nThe leaders agreed to reduce cooperation on continental defense and in the Arctic.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = check(crlf);
    assert.deepEqual(a.map(f => f.code), check(lf).map(f => f.code));
    assert.equal(at(crlf, a[0]), 'reduce');
  });

  it('checks a 10,000-word draft quickly, and re-checks an edit faster from the cache', () => {
    const paras = [
      'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
      'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.',
      'The two leaders traded jokes about the NHL season while snow fell in Ottawa.',
      'The leaders "emphasized their strong support for the multilateral institutions that are on the front lines of COVID-19 response."',
    ];
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; n < 10000; i++) {
      const p = `${paras[i % paras.length]} (item ${i})`;
      parts.push(p);
      n += p.split(/\s+/).length;
    }
    const text = parts.join('\n\n');
    const engine = createEngine(bundledIndex());
    let t = Date.now();
    const first = engine.check({ uri: 'big', text });
    const full = Date.now() - t;
    assert.ok(first.length >= parts.length / 5, `expected many findings, got ${first.length}`);
    const edited = text.replace('(item 5)', '(item 5, edited)');
    t = Date.now();
    engine.check({ uri: 'big', text: edited });
    const incremental = Date.now() - t;
    assert.ok(full < 5000, `full check took ${full} ms`);
    assert.ok(incremental < 200, `incremental check took ${incremental} ms`);
  });

  it('lists quotations and restatements for the report', () => {
    const a = analyzeDraft(bundledIndex(), 'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids. They said "we invest in each other’s success."');
    assert.equal(a.restatements.length >= 1, true);
    assert.deepEqual(a.quotations.map(q => q.status), ['verbatim']);
  });
});

describe('explainCode', () => {
  it('has an explanation for every code', () => {
    for (const c of AllCodes) assert.match(explainCode(c) ?? '', new RegExp(`# \`${c}\``));
    assert.equal(explainCode('nope'), undefined);
  });
});

describe('check: what is not a claim about the sources', () => {
  const engine = createEngine(bundledIndex());
  const codes = (text: string) => engine.check({ uri: 'file:///draft.md', text }).map(d => d.code);

  it('a name beside the official name it resembles, in the same clause, names another body', () => {
    const text = 'Members asked whether northern communities would be consulted on new infrastructure, how the Arctic Dialogue would relate to the Arctic Council, and whether the 2+2 meeting had been scheduled.';
    assert.deepEqual(codes(text), []);
  });

  it("the draft's front matter is not checked, even a quoted title", () => {
    const text = '---\ntitle: "Statement by the Press Secretary on the Leaders\' Meeting in Washington Today"\ndate: 2021-03-01\n---\n\nThe leaders met today.\n';
    assert.deepEqual(codes(text), []);
  });

  it("the draft's own title heading is not checked; the same words in the body are", () => {
    const title = '# Leaders agree to net zero emissions no later than 2040\n\nThe leaders met today.\n';
    assert.deepEqual(codes(title), []);
    const body = '# Readout\n\nThe leaders will work in tandem, and encourage others to achieve net zero emissions no later than 2040.\n';
    assert.deepEqual(codes(body), ['changed-figure']);
  });

  it('a heading that repeats the front matter title is not checked', () => {
    const text = '---\ntitle: Leaders agree to net zero emissions no later than 2040\n---\n\nSome words first.\n\n## Leaders agree to net zero emissions no later than 2040\n\nThe leaders met today.\n';
    assert.deepEqual(codes(text), []);
  });
});
