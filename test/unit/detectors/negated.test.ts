import { negated } from '../../../server/src/engine/check/detectors/negated';
import { detectorCases, runClause } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

describe('detector negated (alone)', () => {
  detectorCases(text => runClause(negated, text), {
    valid: [
      // What something is not (a new predicate) is no denial of the source's act.
      'Encouraging cross-border clean electricity transmission is not a footnote in the Roadmap.',
      'Both leaders agreed to launch a High Level Climate Ministerial.',
      // Denying more than the source claims (it only explores a task force) is consistent with it.
      'The President and the Prime Minister did not create a cross-border task force to address gun smuggling and trafficking.',
      // Two negatives affirm.
      'Canada and the United States did not abandon the Cross-Border Crime Forum to facilitate cooperation among law enforcement bodies.',
      // A topic the sources never name draws nothing.
      'The Roadmap is silent on dairy quotas.',
      'Dairy was not among the commitments in the Roadmap.',
      // `not among` is a claim about the sources only when the clause names them or their commitments.
      'The Arctic was not among the topics raised by the students.',
      // A hedged agreement (`agreed to work towards reviving`) is no commitment to deny.
      'The Roadmap does not commit the leaders to relaunching the North American Leaders’ Summit outright.',
    ],
    invalid: [
      {
        // The source's `but are not limited to` is no denial to cancel the draft's; a hyphenated verb is denied whole.
        text: 'While the leaders stopped short of re-establishing the Cross-Border Crime Forum, they recognised the challenges it once addressed: illegal cross-border flows of firearms, drugs and currency, organised crime, mass marketing fraud and human trafficking.',
        expect: [{ code: 'negated', at: 'stopped short of re-establishing', rule: 'denial' }],
      },
      {
        text: 'Both leaders declined to launch a High Level Climate Ministerial.',
        expect: [{ code: 'negated', at: 'declined to launch', message: 'where the source affirms it', rule: 'denial' }],
      },
      {
        text: 'The Prime Minister did not commit to partnering with the United States on a Summit for Democracy.',
        expect: [{ code: 'negated', at: 'did not commit' }],
      },
      {
        text: '- NORAD: the Roadmap is silent on modernization of the North American Aerospace Defense Command, which remains a matter for defence officials.',
        // The denial rule reads the same words as a negation: the claim of absence is that finding already.
        expect: [{ code: 'negated', at: 'is silent on', message: 'the source leaves out', rule: 'absence' }],
      },
      {
        // Agreeing to do something is committing to it.
        text: 'They stopped short of committing to strengthen the Canada-U.S. Critical Minerals Action Plan.',
        expect: [{ code: 'negated', at: 'stopped short of committing', rule: 'denial' }],
      },
      {
        text: 'Methane was not among the commitments the leaders reaffirmed in the Roadmap.',
        expect: [{ code: 'negated', at: 'was not among', message: 'the source leaves out Methane', rule: 'absence' }],
      },
      {
        text: 'The Roadmap says not one word about methane emissions.',
        expect: [{ code: 'negated', at: 'says not one word about', rule: 'absence' }],
      },
      {
        text: 'Indigenous-led conservation efforts were left out when the Prime Minister and the President agreed to be partners in protecting nature.',
        expect: [{ code: 'negated', at: 'were left out', rule: 'absence' }],
      },
    ],
  });
});

describe('detector negated (alone), French', () => {
  detectorCases(text => runClause(negated, text, { lang: french }), {
    valid: [
      'La priorité absolue du président et du premier ministre est de mettre fin à la pandémie de COVID-19.',
      'Le premier ministre et le président ont convenu de renforcer leurs efforts globaux et intersectoriels afin de maîtriser la pandémie.',
      // A negation of something else (`il n'y a pas de doute`), then the commitment as the source has it.
      "Il n'y a pas de doute : au cours de la dernière année, nous avons fait des progrès en matière de changements climatiques.",
      // Saying nothing of a topic the sources never name is no contradiction.
      'La déclaration ne dit rien de la patinoire du canal Rideau.',
    ],
    invalid: [
      {
        text: 'La priorité absolue du président et du premier ministre n’est pas de mettre fin à la pandémie de COVID-19.',
        expect: [{ code: 'negated', at: 'n’est pas', message: 'where the source affirms it', rule: 'denial' }],
      },
      {
        text: "Le premier ministre et le président n'ont pas convenu de renforcer leurs efforts globaux et intersectoriels afin de maîtriser la pandémie.",
        expect: [{ code: 'negated', at: "n'ont pas", rule: 'denial' }],
      },
      {
        text: 'Le partenariat entre les États-Unis et le Canada ne se perpétue plus, faute de contributions.',
        expect: [{ code: 'negated', at: 'ne se perpétue plus', rule: 'denial' }],
      },
      {
        text: "Au cours de la dernière année, nous n'avons plus fait de progrès en matière de changements climatiques.",
        expect: [{ code: 'negated', at: "n'avons plus", rule: 'denial' }],
      },
      {
        text: 'Le Canada et les États-Unis ne se réjouissent jamais des progrès réalisés au cours des deux dernières années dans le cadre de la Feuille de route.',
        expect: [{ code: 'negated', at: 'ne se réjouissent jamais', rule: 'denial' }],
      },
      {
        // A linking adverb inside the negation is not the denied verb.
        text: "Ils n'ont cependant jamais convenu de collaborer dans le cadre de l'intervention de santé publique.",
        expect: [{ code: 'negated', at: "n'ont cependant jamais", rule: 'denial' }],
      },
      // The text said to say nothing of a topic it has (an aside between commas or not); one finding, not two.
      {
        text: 'Le texte ne dit rien, pourtant, des chaînes d’approvisionnement bilatérales.',
        expect: [{ code: 'negated', at: 'ne dit rien, pourtant, des', message: 'the source leaves out', rule: 'absence' }],
      },
      {
        text: 'La déclaration ne fait aucune mention de la collaboration dans l’Arctique.',
        expect: [{ code: 'negated', at: 'ne fait aucune mention de la', rule: 'absence' }],
      },
      {
        text: 'La déclaration passe sous silence la collaboration dans l’Arctique.',
        expect: [{ code: 'negated', at: 'passe sous silence', rule: 'absence' }],
      },
    ],
  });
});
