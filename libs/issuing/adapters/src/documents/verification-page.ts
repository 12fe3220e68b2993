import type { CredentialVerification } from '@certif/issuing-application';
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

/** The public verification page: the same facts as `verifyCredential`, for a person. */
export function verificationPage(code: string, result: CredentialVerification): string {
  const verdict = result.valid
    ? '<p class="valid">Ce parchemin est authentique et valide.</p>'
    : result.status === 'REVOKED'
      ? '<p class="invalid">Ce parchemin a été révoqué : il n’est plus valide.</p>'
      : '<p class="invalid">Aucun parchemin ne correspond à ce code.</p>';
  const facts =
    result.status === null
      ? ''
      : `<dl>
  <dt>Titulaire</dt><dd>${escapeHtml(result.holderName ?? 'non communiqué')}</dd>
  <dt>Certification</dt><dd>${escapeHtml(result.certificationTitle ?? '')}</dd>
  <dt>Obtenu le</dt><dd>${result.obtainedOn ? frenchDate(result.obtainedOn) : ''}</dd>
  <dt>Délivré le</dt><dd>${result.issuedOn ? frenchDate(result.issuedOn) : ''}</dd>
  <dt>Statut</dt><dd>${result.status === 'VALID' ? 'valide' : 'révoqué'}</dd>${
    result.status === 'REVOKED'
      ? `
  <dt>Révoqué le</dt><dd>${result.revokedOn ? frenchDate(result.revokedOn) : ''}</dd>
  <dt>Motif</dt><dd>${escapeHtml(result.revocationReason ?? 'non communiqué')}</dd>`
      : ''
  }
</dl>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Vérification d’un parchemin</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}.valid{color:#0a6b2d;font-weight:bold}.invalid{color:#b00020;font-weight:bold}dt{font-weight:bold;margin-top:.5rem}</style>
</head>
<body>
<h1>Vérification d’un parchemin</h1>
<p>Code : <code>${escapeHtml(code)}</code></p>
${verdict}
${facts}
</body>
</html>
`;
}
