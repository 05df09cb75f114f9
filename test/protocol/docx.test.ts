import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CheckDraftsRequest } from '../../server/src/protocol';
import { buildDocx, encryptedDocx, markdownToDocx } from '../support/docx';
import { pathToUri, TestClient } from '../support/lspClient';

const DRAFT = '# Readout\n\nOn climate, the leaders recalled that they will work in tandem, and encourage others to achieve net zero emissions no later than 2040.\n\nThe Prime Minister reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.\n';

describe('Word drafts in the language server (verbatim/checkDrafts)', function () {
  this.timeout(30000);
  let tmp: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-docx-ws-')));
  });
  afterEach(async () => {
    await client?.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('checks a .docx from disk with the project file (accepted wordings, ignored files); the report names paragraphs; a bad one is an error', async () => {
    fs.writeFileSync(
      path.join(tmp, '.verbatim.json'),
      JSON.stringify({
        ignore: ['archive/**'],
        accepted: [{ code: 'changed-figure', wording: '80 percent', source: 'To advance this work, the President affirmed the goal for the United States to achieve a net-zero carbon pollution free power sector by 2035 and the Prime Minister reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2030.', acceptedBy: 'Ann' }],
      }),
    );
    fs.mkdirSync(path.join(tmp, 'archive'));
    const docx = await buildDocx(markdownToDocx(DRAFT));
    fs.writeFileSync(path.join(tmp, 'readout.docx'), docx);
    fs.writeFileSync(path.join(tmp, 'archive', 'old.docx'), docx);
    fs.writeFileSync(path.join(tmp, 'locked.docx'), encryptedDocx());
    client = new TestClient({ workspaceFolder: tmp, settings: {} });
    await client.initialize();
    await client.sourcesLoaded();
    const [draft, archived, locked] = ['readout.docx', 'archive/old.docx', 'locked.docx'].map(f => pathToUri(path.join(tmp, f)));

    const result = await client.connection.sendRequest(CheckDraftsRequest, { uris: [draft, archived, locked], report: true, names: { [draft]: 'readout.docx' } });
    const [checked, ignored, bad] = result.drafts;
    assert.deepEqual(
      checked.diagnostics.map(d => [d.code, (d as { docx?: { label: string; words: string } }).docx?.label, (d as { docx?: { words: string } }).docx?.words]),
      [['changed-figure', 'paragraph 2', '2040']],
      'the accepted "80 percent" is not a finding',
    );
    assert.match(String(ignored.error), /ignored by the project file/);
    assert.deepEqual(ignored.diagnostics, []);
    assert.equal(bad.error, 'the Word document is password-protected (encrypted). Remove the password in Word (File > Info > Protect Document) and try again');
    assert.match(result.report!, /^1\. \*\*paragraph 2\*\*, Warning/m);
    assert.match(result.report!, /### Accepted for the project\n\n- \*\*paragraph 3\*\* `changed-figure` “80 percent”: accepted by Ann/);
  });
});
