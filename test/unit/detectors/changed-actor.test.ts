import { changedActor } from '../../../server/src/engine/check/detectors/changed-actor';
import { detectorCases, runClause } from '../../support/detectors';

describe('detector changed-actor (alone)', () => {
  detectorCases(text => runClause(changedActor, text), {
    valid: [
      'President Biden condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.',
      'The Prime Minister and the President agreed to expand cooperation on continental defense and in the Arctic.',
      // One leader credited with a joint act, without `only`, is a partial statement.
      'The President agreed to expand cooperation on continental defense and in the Arctic.',
    ],
    invalid: [
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
