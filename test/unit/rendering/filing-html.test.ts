/**
 * The filing as an HTML page a person copies from into IMY's e-service, field by field: complete,
 * printable, with nothing loaded from elsewhere (the UI's Content-Security-Policy forbids it), and
 * every value from the case escaped.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import { TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import { art33Input, processorInput } from '../filings/filing-fixtures.js';
import { expectGolden } from './golden.js';
import { GOLDEN_FILINGS } from './rendering-fixtures.js';

const catalog = TemplateCatalog.load();

describe('the filing as HTML', () => {
  for (const golden of GOLDEN_FILINGS) {
    it(`${golden.name} equals its golden file byte for byte`, () => {
      expectGolden(`${golden.name}.html`, catalog.renderFiling(golden.document()));
    });
  }

  it('renders the same bytes twice', () => {
    for (const golden of GOLDEN_FILINGS) {
      expect(catalog.renderFiling(golden.document())).toBe(catalog.renderFiling(golden.document()));
    }
  });

  it('escapes text from the case: a <script> in the title stays text', () => {
    const base = art33Input();
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const html = catalog.renderFiling(
      buildFilingDocument({ ...base, incident: { ...base.incident, facts: { ...base.incident.facts, title: hostile, summary: hostile } } }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('escapes the organisation and recipient names too', () => {
    const html = catalog.renderFiling(buildFilingDocument(processorInput({ recipient: 'Region <b>X</b>' })));
    expect(html).toContain('Region &lt;b&gt;X&lt;/b&gt;');
    expect(html).not.toContain('<b>X</b>');
  });

  it('loads nothing from elsewhere: no scripts, external styles, fonts or images', () => {
    for (const golden of GOLDEN_FILINGS) {
      const html = catalog.renderFiling(golden.document());
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
    }
  });

  it('picks the template by track and language', () => {
    expect(catalog.renderFiling(buildFilingDocument(art33Input()))).toContain('<html lang="sv">');
    expect(catalog.renderFiling(buildFilingDocument(art33Input({ language: 'en' })))).toContain('<html lang="en">');
    expect(catalog.renderFiling(buildFilingDocument(processorInput()))).toContain('(personuppgiftsbiträde)');
  });

  it('shows the late box and the missing box only when they apply', () => {
    const onTime = catalog.renderFiling(buildFilingDocument(art33Input()));
    expect(onTime).not.toContain('class="box late"');
    expect(onTime).not.toContain('class="box missing"');
    const late = catalog.renderFiling(GOLDEN_FILINGS[0]!.document());
    expect(late).toContain('class="box late"');
    expect(late).toContain('Omfattningen kunde fastställas först');
    expect(late).toContain('class="box missing"');
  });
});
