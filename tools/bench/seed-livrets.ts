// Livrets and parchemins from issuing's facts, computed by the issuing domain's own rules, as
// its consumer would have recorded them: a parchemin wherever one was due (dated the day of the
// decision that completed the title), and each livret's status as last published.
import { randomUUID } from 'node:crypto';
import {
  newVerificationCode,
  type AcquiredComponentRow,
  type CredentialRow,
  type TitleDecisionRow,
} from '@certif/issuing-adapters';
import {
  computeLivret,
  parcheminNumberPrefix,
  currentVersion,
  formatParcheminNumber,
  newParchemin,
  parcheminContent,
  type Lineage,
} from '@certif/issuing-domain';
import type { LocalDate } from '@certif/platform-calendar';
import type { ParcheminViewRow } from '@certif/sessions-adapters';
import type { IssuedRecords } from './seed-rows';

function groupByCandidate<T extends { candidateId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.candidateId);
    if (group) group.push(row);
    else groups.set(row.candidateId, [row]);
  }
  return groups;
}

export function issuedRecords(
  facts: { acquisitions: readonly AcquiredComponentRow[]; titles: readonly TitleDecisionRow[] },
  lineageOf: ReadonlyMap<string, Lineage>,
  today: LocalDate,
): IssuedRecords & { parchemins: ParcheminViewRow[] } {
  const records: IssuedRecords & { parchemins: ParcheminViewRow[] } = {
    livrets: [],
    credentials: [],
    counters: [],
    parchemins: [],
  };
  const acquisitionsOf = groupByCandidate(facts.acquisitions);
  const titlesOf = groupByCandidate(facts.titles);
  const due: {
    candidateId: string;
    lineage: Lineage;
    issuedOn: LocalDate;
    credential: Omit<CredentialRow, 'number'>;
  }[] = [];

  for (const [candidateId, acquisitions] of acquisitionsOf) {
    const decisions = (titlesOf.get(candidateId) ?? []).map((t) => ({
      ...t,
      outcome: t.outcome as 'TITLE_AWARDED' | 'COMPONENTS_AWARDED',
      scope: 'FULL_TITLE' as const,
    }));
    const lineages = new Map<string, Lineage>();
    for (const a of acquisitions) {
      const lineage = lineageOf.get(a.certificationId);
      if (!lineage) throw new Error(`issuing does not know certification ${a.certificationId}`);
      lineages.set(lineage.rootId, lineage);
    }
    for (const lineage of lineages.values()) {
      let view = computeLivret({
        lineage,
        acquisitions,
        decisions,
        corrections: [],
        today,
        parcheminIssued: false,
      });
      const inLineage = new Set(lineage.versions.map((v) => v.id));
      const lastFact = [
        ...acquisitions,
        ...decisions.map((d) => ({ ...d, acquiredOn: d.decidedOn })),
      ]
        .filter((f) => inLineage.has(f.certificationId))
        .map((f) => f.acquiredOn)
        .sort()
        .at(-1) as LocalDate;
      if (view.parcheminDue) {
        const content = parcheminContent(currentVersion(lineage), view.acquiredComponents);
        due.push({
          candidateId,
          lineage,
          issuedOn: lastFact,
          credential: {
            // Numbered below, in the order of issue.
            ...newParchemin({
              id: randomUUID(),
              number: '',
              candidateId,
              lineageRootId: lineage.rootId,
              verificationCode: newVerificationCode(),
              issuedOn: lastFact,
              obtainedOn: view.obtainedOn as LocalDate,
              issuedAt: new Date(`${lastFact}T17:00:02.000Z`),
              content,
            }),
            validKey: '',
          },
        });
        view = computeLivret({
          lineage,
          acquisitions,
          decisions,
          corrections: [],
          today,
          parcheminIssued: true,
        });
      }
      records.livrets.push({
        id: randomUUID(),
        candidateId,
        lineageRootId: lineage.rootId,
        certificationId: view.certificationId,
        status: view.status,
        capitalizationDeadline: view.capitalizationDeadline,
        lapsesAfter: view.lapsesAfter,
        version: view.status === 'COMPLETE' ? 2 : 1,
        updatedAt: new Date(`${lastFact}T17:00:02.000Z`),
      });
    }
  }

  // Numbers in the order of issue, one sequence per prefix (e.g. TP-CDA-2024), as issuing gives them.
  const sequences = new Map<string, number>();
  for (const { credential } of due.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))) {
    const prefix = parcheminNumberPrefix(credential.content, credential.obtainedOn);
    const sequence = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, sequence);
    records.credentials.push({ ...credential, number: formatParcheminNumber(prefix, sequence) });
    records.parchemins.push({
      id: credential.id,
      candidateId: credential.candidateId,
      certificationId: credential.certificationId,
      specializationId: null,
      status: 'VALID',
      issuedOn: credential.issuedOn,
    });
  }
  records.counters = [...sequences].map(([prefix, lastValue]) => ({ prefix, lastValue }));
  return records;
}
