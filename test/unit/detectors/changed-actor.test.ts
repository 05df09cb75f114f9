import { changedActor } from '../../../server/src/engine/check/detectors/changed-actor';
import { loadCorpus } from '../../../server/src/engine';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';

// Another source (the 2021 U.S.-Japan statement): whose commitment it is, named by the draft, stays the source's.
const japan = fs.readFileSync(path.join(repoRoot, 'test/real/japan/source/2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md'), 'utf8');
const other = { index: loadCorpus([source('japan-2021.md', japan)]) };

describe('detector changed-actor (alone)', () => {
  detectorCases((text, options) => runClause(changedActor, text, options), {
    valid: [
      { text: 'The two leaders reaffirmed U.S. commitment to the immediate resolution of the abductions issue.', options: other },
      'President Biden condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.',
      'The Prime Minister and the President agreed to expand cooperation on continental defense and in the Arctic.',
      // One leader credited with a joint act, without `only`, is a partial statement.
      'The President agreed to expand cooperation on continental defense and in the Arctic.',
    ],
    invalid: [
      {
        text: 'The two leaders reaffirmed their commitment to the immediate resolution of the abductions issue.',
        options: other,
        // Found as a swapped subject and as both credited with one side's act; the pipeline merges them.
        expect: [
          { code: 'changed-actor', at: 'two leaders', message: 'where the source says "President Biden"', rule: 'actor' },
          { code: 'changed-actor', at: 'two leaders', message: 'where the source credits "President Biden" alone', rule: 'actor' },
        ],
      },
      // Found twice, in the opening window and as the sentence's subject; the pipeline merges them into one finding.
      {
        text: 'Prime Minister Trudeau condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.',
        expect: [
          { code: 'changed-actor', at: 'Prime Minister Trudeau', message: 'where the source says "President Biden"', rule: 'actor' },
          { code: 'changed-actor', at: 'Prime Minister Trudeau', message: 'where the source says "President Biden"', rule: 'actor' },
        ],
      },
      {
        text: 'Only the Prime Minister committed to implement measures to support women\'s full and equal participation in the workforce.',
        expect: [{ code: 'changed-actor', at: 'Only the Prime Minister', message: 'attributes this to one side only' }],
      },
      {
        text: 'Prime Minister Trudeau, but not President Biden, agreed to expand cooperation on continental defense and in the Arctic.',
        expect: [{ code: 'changed-actor', at: ', but not President Biden', message: 'The draft excludes "President Biden"' }],
      },
      {
        text: 'Both leaders agreed to work with Mexico to protect businesses, workers and communities from unfair trade by countries failing to take strong climate action.',
        expect: [{ code: 'changed-actor', at: 'with Mexico', message: 'brings in a party the source does not name' }],
      },
      // Two swaps in one clause: the detector reports both; the pipeline merges them into one finding.
      {
        text: 'The President affirmed the goal for the United States to achieve 90 percent non-emitting electricity by 2030.',
        expect: [
          { code: 'changed-actor', at: 'President', message: '"President affirmed" where the source says "Prime Minister reaffirmed"' },
          { code: 'changed-actor', at: 'the United States', message: 'where the source says "Canada"' },
        ],
      },
    ],
  });
});
