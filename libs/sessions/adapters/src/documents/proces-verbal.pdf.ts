import PDFDocument from 'pdfkit';
import type { ProcesVerbal } from '@certif/sessions-application';
import type { DecisionOutcome, JurorRole, SessionScope } from '@certif/sessions-domain';

const OUTCOMES: Record<DecisionOutcome, string> = {
  TITLE_AWARDED: 'titre obtenu',
  COMPONENTS_AWARDED: 'composantes obtenues',
  NOT_AWARDED: 'non obtenu',
  ABSENT: 'absent',
};

const ROLES: Record<JurorRole, string> = {
  PROFESSIONAL: 'professionnel',
  TRAINER: 'formateur',
  TEACHER: 'enseignant',
  CERTIFIER_REPRESENTATIVE: 'représentant du certificateur',
};

const SCOPES: Record<SessionScope, string> = {
  FULL_TITLE: 'titre complet',
  COMPONENTS: 'composantes',
  SPECIALIZATION: 'CCS',
};

/** "2026-06-05" → "05/06/2026": French documents write dates day first. */
function frenchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

export interface RenderOptions {
  generatedAt: Date;
  /** Uncompressed content streams keep the text searchable (tests, archiving tools). */
  compress?: boolean;
}

/**
 * The procès-verbal of a deliberation (R9): the certification, the session, the jury and, for
 * each candidate, the decision and the components it awards. Candidates appear under the name
 * the candidates service last published (a pseudonym once erased, R13) and their id.
 */
export function renderProcesVerbal(pv: ProcesVerbal, options: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: {
      Title: `Procès-verbal de délibération, session ${pv.session.id}`,
      Author: 'certif/sessions',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { session, certification } = pv;

  doc.font('Helvetica-Bold').fontSize(16).text('Procès-verbal de délibération du jury');
  doc.moveDown(0.5).font('Helvetica').fontSize(11);
  doc.text(`Certification : ${certification.code} — ${certification.title}`);
  if (pv.specialization) doc.text(`CCS : ${pv.specialization.code} — ${pv.specialization.title}`);
  doc.text(`Session : ${session.id} (${SCOPES[session.scope]})`);
  doc.text(`Centre d'examen : ${session.center}`);
  doc.text(`Dates : du ${frenchDate(session.startsOn)} au ${frenchDate(session.endsOn)}`);

  doc.moveDown().font('Helvetica-Bold').text('Jury');
  doc.font('Helvetica');
  for (const juror of pv.jurors) doc.text(`- ${juror.name} (${ROLES[juror.role]}, ${juror.role})`);

  doc.moveDown().font('Helvetica-Bold').text(`Décisions (${pv.lines.length})`);
  for (const line of pv.lines) {
    const { decision } = line;
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .text(`${line.candidateName ?? 'Candidat'} — candidat ${line.registration.candidateId}`);
    doc.font('Helvetica');
    doc.text(
      `Décision : ${decision.outcome} (${OUTCOMES[decision.outcome]}), le ${frenchDate(decision.decidedOn)}`,
    );
    doc.text(`Composantes attribuées : ${line.awardedComponentCodes.join(', ') || 'aucune'}`);
    if (decision.finalInterviewPassed !== null) {
      doc.text(`Entretien final : ${decision.finalInterviewPassed ? 'réussi' : 'non réussi'}`);
    }
    // R9: a corrected decision keeps its trail, oldest first.
    for (const old of line.superseded) {
      doc
        .fillColor('#555555')
        .text(
          `Décision remplacée : ${old.decision.outcome} (${OUTCOMES[old.decision.outcome]}), ` +
            `le ${frenchDate(old.decision.decidedOn)} ; composantes : ${old.awardedComponentCodes.join(', ') || 'aucune'} ; ` +
            `rectifiée le ${frenchDate(old.correctedOn)} — motif : ${old.reason}`,
        )
        .fillColor('#000000');
    }
  }

  doc.moveDown().fontSize(9).fillColor('#555555');
  doc.text(
    `Délibération enregistrée le ${session.deliberatedAt?.toISOString() ?? '—'}; document établi le ${options.generatedAt.toISOString()}.`,
  );
  doc.end();
  return done;
}
