import type { LocalDate } from '@certif/platform-calendar';
import type { ParcheminVerification } from '@certif/issuing-application';
import { frenchDate } from './pdf-writer';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const row = (label: string, value: string) =>
  `<div><dt>${label}</dt><dd>${escapeHtml(value)}</dd></div>`;

/**
 * The public verification page: the same facts as `verifyCredential`, for a person. French,
 * readable on a phone, no JavaScript (the content security policy allows none), no request to
 * anyone else.
 */
export function verificationPage(code: string, result: ParcheminVerification): string {
  const verdict = result.valid
    ? '<p class="verdict valid" role="status">✓ Ce parchemin est authentique et valide.</p>'
    : result.status === 'REVOKED'
      ? '<p class="verdict invalid" role="status">✗ Ce parchemin a été révoqué : il n’est plus valide.</p>'
      : '<p class="verdict invalid" role="status">Aucun parchemin ne correspond à ce code.</p>';
  const date = (value: LocalDate | null) => (value ? frenchDate(value) : 'non communiqué');
  const facts =
    result.status === null
      ? ''
      : `<dl>
${[
  row('Statut', result.status === 'VALID' ? 'valide' : 'révoqué'),
  row('Titulaire', result.holderName ?? 'non communiqué'),
  row('Certification', result.certificationTitle ?? ''),
  row(
    'Niveau',
    result.level === null
      ? 'non communiqué'
      : `niveau ${result.level} (cadre européen ${result.level})`,
  ),
  row('Code', result.certificationCode ?? ''),
  row('Code RNCP', result.rncpCode ?? 'non communiqué'),
  row('Obtenu le', date(result.obtainedOn)),
  row('Certificateur', result.certifierName ?? 'non communiqué'),
  row('Délivré le', date(result.issuedOn)),
  ...(result.status === 'REVOKED'
    ? [
        row('Révoqué le', date(result.revokedOn)),
        row('Motif', result.revocationReason ?? 'non communiqué'),
      ]
    : []),
].join('\n')}
</dl>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Vérification d’un parchemin</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#1b1b35}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
.verdict{font-weight:bold;padding:.75rem 1rem;border-radius:.25rem}
.valid{color:#0a6b2d;background:#e6f4ea}.invalid{color:#b00020;background:#fdecea}
dl{margin:0}dl div{display:flex;flex-wrap:wrap;gap:0 1rem;padding:.5rem 0;border-bottom:1px solid #ddd}
dt{font-weight:bold;flex:0 0 9rem}dd{margin:0;flex:1 1 14rem;overflow-wrap:anywhere}
code{overflow-wrap:anywhere}
</style>
</head>
<body>
<main>
<h1>Vérification d’un parchemin</h1>
<p>Code de vérification : <code>${escapeHtml(code)}</code></p>
${verdict}
${facts}
</main>
</body>
</html>
`;
}
