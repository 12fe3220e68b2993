import {
  cpfCertificationOf,
  cpfPassageOf,
  currentVersion,
  missingCertifierData,
  parcheminContent,
  type CertificationVersion,
  type CpfCertification,
  type CpfHolder,
  type Lineage,
} from '@certif/issuing-domain';
import type {
  CandidateIdentity,
  CpfDepositStore,
  CpfFluxOutput,
  CpfFluxWriter,
  CpfPendingParchemin,
  CpfWithdrawal,
  IssuingDependencies,
} from '../ports';

const PAGE = 1000;

export interface CpfExportOptions {
  /** Only this certifier (its SIRET). */
  certifierSiret?: string | null;
  /** Computes and reports; writes no file and records nothing. */
  dryRun?: boolean;
}

export interface CpfExportReport {
  files: {
    idFlux: string;
    certifier: { name: string; siret: string | null };
    path: string | null;
    passages: number;
    certifications: string[];
  }[];
  /** Certifications without an RNCP/RS code: their parchemins cannot be deposited. */
  notDepositable: { certification: string; title: string; parchemins: number; reason: string }[];
  /** Certifiers without their Caisse des Dépôts identifiers: nothing of theirs is sent. */
  certifiersMissingData: {
    certifier: { name: string; siret: string | null };
    missing: string[];
    certifications: string[];
    parchemins: number;
  }[];
  /** Holders whose data is incomplete: their parchemins wait, nothing is sent half empty. */
  holdersMissingData: { number: string; candidateId: string; missing: string[] }[];
  /** Revoked after the Caisse des Dépôts accepted them (1.1.2 cannot withdraw; 1.1.5 can). */
  withdrawals: CpfWithdrawal[];
}

interface CertifierGroup {
  certifier: { name: string; siret: string | null; cpfClientId: string; cpfContractId: string };
  /** Depositable versions, by register code. */
  byCode: Map<string, { certification: CpfCertification; versions: CertificationVersion[] }>;
  /** Every version of each lineage concerned, for the holder's enrolment. */
  lineageVersionIds: Map<string, string[]>;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2026-11-30T21:49:00+00:00`: the schema's pattern wants seconds and an explicit offset. */
export function cpfTimestamp(at: Date): string {
  return (
    `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}` +
    `T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}+00:00`
  );
}

/** The holder as the deposit needs it: the pathway of their enrolment in this lineage. */
export function cpfHolderOf(
  identity: CandidateIdentity | undefined,
  lineageVersionIds: readonly string[],
): CpfHolder | undefined {
  if (!identity) return undefined;
  const register = identity.register;
  const enrolment = register?.enrollments
    .filter((e) => lineageVersionIds.includes(e.certificationId))
    .at(-1);
  return {
    firstName: identity.firstName,
    lastName: identity.lastName,
    birthName: register?.birthName ?? null,
    birthDate: register?.birthDate ?? null,
    sex: register?.sex ?? null,
    birthPlace: register?.birthPlace ?? null,
    erased: identity.erasedAt !== null,
    pathway: enrolment?.pathway ?? null,
  };
}

/**
 * `export-cpf`: one deposit file per certifier of the VALID parchemins never accepted by the
 * Caisse des Dépôts (rejected ones again), streamed page by page; the batch (`idFlux`) and its
 * passages are recorded once the file is complete, and the file takes its final name only then.
 */
export class ExportCpfService {
  constructor(
    private readonly deps: Pick<IssuingDependencies, 'unitOfWork' | 'clock' | 'newId'>,
    private readonly store: CpfDepositStore,
  ) {}

  async execute(output: CpfFluxOutput, options: CpfExportOptions = {}): Promise<CpfExportReport> {
    const report: CpfExportReport = {
      files: [],
      notDepositable: [],
      certifiersMissingData: [],
      holdersMissingData: [],
      withdrawals: await this.store.withdrawals(1000),
    };
    const pending = await this.store.pendingByCertification();
    const lineages = await this.deps.unitOfWork.reader.certifications.lineagesOf(
      pending.map((p) => p.certificationId),
    );
    const groups = new Map<string, CertifierGroup>();
    const missingCertifiers = new Map<string, CpfExportReport['certifiersMissingData'][number]>();
    for (const { certificationId, count } of pending) {
      const lineage = lineages.get(certificationId);
      const version = lineage?.versions.find((v) => v.id === certificationId);
      if (!lineage || !version) continue;
      const certification = cpfCertificationOf(parcheminContent(version, []));
      if (!certification) {
        report.notDepositable.push({
          certification: version.code,
          title: version.title,
          parchemins: count,
          reason: `${version.code} has no RNCP or RS code: the register does not list it`,
        });
        continue;
      }
      const certifier = certifierOf(lineage, version);
      if (options.certifierSiret && certifier.siret !== options.certifierSiret) continue;
      const key = certifier.siret ?? certifier.name;
      const missing = missingCertifierData(certifier);
      if (missing.length > 0) {
        const entry = missingCertifiers.get(key) ?? {
          certifier: { name: certifier.name, siret: certifier.siret },
          missing,
          certifications: [],
          parchemins: 0,
        };
        entry.certifications.push(version.code);
        entry.parchemins += count;
        missingCertifiers.set(key, entry);
        continue;
      }
      const groupKey = `${key}|${certifier.cpfClientId}|${certifier.cpfContractId}`;
      const group = groups.get(groupKey) ?? {
        certifier: {
          name: certifier.name,
          siret: certifier.siret,
          cpfClientId: certifier.cpfClientId as string,
          cpfContractId: certifier.cpfContractId as string,
        },
        byCode: new Map(),
        lineageVersionIds: new Map(),
      };
      const entry = group.byCode.get(certification.code) ?? { certification, versions: [] };
      entry.versions.push(version);
      group.byCode.set(certification.code, entry);
      group.lineageVersionIds.set(
        version.id,
        lineage.versions.map((v) => v.id),
      );
      groups.set(groupKey, group);
    }
    report.certifiersMissingData = [...missingCertifiers.values()];

    let sequence = 0;
    for (const group of groups.values()) {
      sequence += 1;
      const file = await this.exportGroup(group, sequence, output, options, report);
      if (file) report.files.push(file);
    }
    return report;
  }

  private async exportGroup(
    group: CertifierGroup,
    sequence: number,
    output: CpfFluxOutput,
    options: CpfExportOptions,
    report: CpfExportReport,
  ): Promise<CpfExportReport['files'][number] | null> {
    const now = this.deps.clock.now();
    const stamp = cpfTimestamp(now).slice(0, 19).replace(/[-:T]/g, '');
    const idFlux = `${group.certifier.cpfClientId}-${stamp}-${sequence}-${this.deps.newId().slice(0, 8)}`;
    const fileName = `${idFlux}.xml`;
    const header = {
      idFlux,
      horodatage: cpfTimestamp(now),
      certifier: {
        cpfClientId: group.certifier.cpfClientId,
        cpfContractId: group.certifier.cpfContractId,
      },
    };
    const writer: CpfFluxWriter = options.dryRun ? dryRunWriter() : output.open(header, fileName);
    const passages: { parcheminId: string; idTechnique: string }[] = [];
    const certifications: string[] = [];
    try {
      for (const { certification, versions } of group.byCode.values()) {
        let started = false;
        const versionIds = versions.map((v) => v.id);
        for await (const page of this.pages(versionIds)) {
          const holders = new Map(
            (
              await this.deps.unitOfWork.reader.candidates.findByIds(page.map((p) => p.candidateId))
            ).map((h) => [h.id, h]),
          );
          for (const parchemin of page) {
            if (!cpfCertificationOf(parchemin.content)) {
              report.holdersMissingData.push({
                number: parchemin.number,
                candidateId: parchemin.candidateId,
                missing: ['an RNCP or RS code of its own (a CCS is not deposited under its title)'],
              });
              continue;
            }
            const holder = cpfHolderOf(
              holders.get(parchemin.candidateId),
              group.lineageVersionIds.get(parchemin.certificationId) ?? [],
            );
            const result = cpfPassageOf(parchemin, holder);
            if ('missing' in result) {
              report.holdersMissingData.push({
                number: parchemin.number,
                candidateId: parchemin.candidateId,
                missing: result.missing,
              });
              continue;
            }
            if (!started) {
              await writer.certification(certification);
              certifications.push(certification.code);
              started = true;
            }
            await writer.passage(result.passage);
            passages.push({ parcheminId: parchemin.parcheminId, idTechnique: parchemin.number });
          }
        }
      }
      if (passages.length === 0) {
        await writer.abort();
        return null;
      }
      await writer.finish();
      if (options.dryRun) {
        return {
          idFlux,
          certifier: { name: group.certifier.name, siret: group.certifier.siret },
          path: null,
          passages: passages.length,
          certifications,
        };
      }
      await this.store.recordBatch(
        {
          idFlux,
          certifier: group.certifier,
          fileName,
          createdAt: now,
          passageCount: passages.length,
        },
        passages,
      );
    } catch (error) {
      await writer.abort();
      throw error;
    }
    const path = await writer.keep();
    return {
      idFlux,
      certifier: { name: group.certifier.name, siret: group.certifier.siret },
      path,
      passages: passages.length,
      certifications,
    };
  }

  private async *pages(certificationIds: string[]): AsyncGenerator<CpfPendingParchemin[]> {
    let afterId: string | null = null;
    for (;;) {
      const page = await this.store.pendingParchemins(certificationIds, afterId, PAGE);
      if (page.length === 0) return;
      yield page;
      afterId = (page.at(-1) as CpfPendingParchemin).parcheminId;
      if (page.length < PAGE) return;
    }
  }
}

/**
 * The certifier of the lineage's current version (where a REFERENTIAL_MANAGER enters the
 * identifiers), completed by the parchemin's own version when the current one lacks them.
 */
function certifierOf(lineage: Lineage, version: CertificationVersion) {
  const current = currentVersion(lineage).certifier;
  const own = version.certifier;
  return {
    name: current.name,
    siret: current.siret ?? own.siret,
    cpfClientId: current.cpfClientId ?? own.cpfClientId ?? null,
    cpfContractId: current.cpfContractId ?? own.cpfContractId ?? null,
  };
}

function dryRunWriter(): CpfFluxWriter {
  return {
    certification: async () => undefined,
    passage: async () => undefined,
    finish: async () => undefined,
    keep: async () => '',
    abort: async () => undefined,
  };
}
