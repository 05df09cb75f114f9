import { alteredName } from '../../../server/src/engine/check/detectors/altered-name';
import { loadCorpus } from '../../../server/src/engine';
import { source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';

const climate = { index: loadCorpus([source('climate.md', '# Climate\n\nQuad countries will work together for successful outcomes at the COP26 and G20 that uphold the level of climate ambition and innovation that this moment requires.\n')]) };

const marines = { index: loadCorpus([source('marines.md', '# Alliance\n\nWe remain committed to the relocation of Marines from Okinawa to Guam and to reducing the impact on local communities.\n')]) };

describe('detector altered-name (alone)', () => {
  detectorCases((text, options) => runClause(alteredName, text, options), {
    valid: [
      // A word the source writes in lower case, shouted (`QUAD` for `Quad`), is no acronym put in place of another name.
      { text: 'Quad countries will work together for successful outcomes at the QUAD that uphold the level of climate ambition.', options: climate },
      'Canada and the United States will reestablish the Cross-Border Crime Forum to facilitate cooperation among law enforcement bodies.',
      'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
      // Parties are not official names to alter.
      'President Biden and Prime Minister Trudeau agreed to expand cooperation on continental defense.',
      // A name still being typed at the end of its paragraph.
      'Both leaders agreed to launch a High Level Cli',
      // Canada's name for the same agreement: the source's acronym with its letters in another order.
      'The leaders announced joint initiatives to accelerate economic recovery of small and medium-sized enterprises by leveraging the CUSMA SME chapter.',
    ],
    invalid: [
      {
        // A route turned round reverses the move: an opposite, not an altered name.
        text: 'The two governments remain committed to the relocation of Marines from Guam to Okinawa and to reducing the impact on local communities.',
        options: marines,
        expect: [{ code: 'opposite', at: 'Guam to Okinawa', message: '"Guam to Okinawa" reverses the source\'s "Okinawa to Guam"' }],
      },
      {
        text: 'Canada and the United States will reestablish the Cross-Forum on Border Crime to facilitate cooperation among law enforcement bodies.',
        expect: [{ code: 'altered-name', at: 'Cross-Forum on Border Crime', message: 'alters the official name "Cross-Border Crime Forum"', rule: 'name' }],
      },
      {
        text: 'Both leaders agreed to launch a High Level Climate Council to coordinate cooperation between the United States and Canada.',
        expect: [{ code: 'altered-name', at: 'Council', message: '"High Level Climate Council" alters the official name "High Level Climate Ministerial"' }],
      },
      {
        text: 'The leaders committed to work with the IMF and the World Bank to advance the adoption of climate-related financial risk disclosure.',
        expect: [{ code: 'altered-name', at: 'IMF', message: /^"IMF" where the source names/, rule: 'acronym' }],
      },
    ],
  });
});
