import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces';
import type { CpfCertification, CpfPassage } from '@certif/issuing-domain';
import type { CpfFluxHeader, CpfFluxOutput, CpfFluxWriter } from '@certif/issuing-application';

export const CPF_NAMESPACE = 'urn:cdc:cpf:pc5:schema:1.0.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * 1.1.2 is what the schema beside the format note validates; 1.1.5 (the current kit) adds
 * `flux.action`, with SUPPRESSION to withdraw passages (a parchemin revoked after its deposit).
 */
export type CpfSchemaVersion = '1.1.2' | '1.1.5';
export type CpfFluxAction = 'CREATION' | 'SUPPRESSION';

export interface CpfWriterOptions {
  schemaVersion?: CpfSchemaVersion;
  action?: CpfFluxAction;
  prettyPrint?: boolean;
}

/**
 * Streams a deposit file with xmlbuilder2's callback builder: each element goes out as it is
 * written, and the writer waits for the file stream to drain between passages, so a file of
 * 200,000 passages never sits in memory. Every element is in the schema's namespace (its
 * `elementFormDefault` is qualified); nil values carry `xsi:nil`.
 */
export class CpfXmlFluxWriter implements CpfFluxWriter {
  private readonly xml: XMLBuilderCB;
  private inCertification = false;
  private failure: Error | null = null;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    header: CpfFluxHeader,
    options: CpfWriterOptions = {},
  ) {
    this.xml = createCB({
      data: (chunk: string) => {
        stream.write(chunk);
      },
      error: (error: Error) => {
        this.failure = error;
      },
      prettyPrint: options.prettyPrint ?? true,
    });
    const version = options.schemaVersion ?? '1.1.2';
    if (version === '1.1.2' && options.action && options.action !== 'CREATION')
      throw new Error(`the ${version} schema has no flux.action: ${options.action} needs 1.1.5`);
    this.xml.dec({ version: '1.0', encoding: 'UTF-8' });
    this.xml.ele(CPF_NAMESPACE, 'cpf:flux', { 'xmlns:cpf': CPF_NAMESPACE, 'xmlns:xsi': XSI });
    this.text('idFlux', header.idFlux);
    this.text('horodatage', header.horodatage);
    if (version === '1.1.5') this.text('action', options.action ?? 'CREATION');
    this.open('emetteur');
    this.text('idClient', header.certifier.cpfClientId);
    this.open('certificateurs');
    this.open('certificateur');
    this.text('idClient', header.certifier.cpfClientId);
    this.text('idContrat', header.certifier.cpfContractId);
    this.open('certifications');
  }

  private open(name: string): void {
    this.xml.ele(CPF_NAMESPACE, `cpf:${name}`);
  }

  private close(): void {
    this.xml.up();
  }

  private text(name: string, value: string | number | boolean): void {
    this.xml.ele(CPF_NAMESPACE, `cpf:${name}`).txt(String(value)).up();
  }

  private nil(name: string): void {
    this.xml.ele(CPF_NAMESPACE, `cpf:${name}`).att(XSI, 'xsi:nil', 'true').up();
  }

  private optional(name: string, value: string | null): void {
    if (value !== null) this.text(name, value);
  }

  private async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    const stream = this.stream as WriteStream;
    if (stream.writableNeedDrain) await once(stream, 'drain');
  }

  async certification(certification: CpfCertification): Promise<void> {
    if (this.inCertification) {
      this.close(); // passageCertifications
      this.close(); // certification
    }
    this.open('certification');
    this.text('type', certification.type);
    this.text('code', certification.code);
    this.text('natureDeposant', 'CERTIFICATEUR');
    this.open('passageCertifications');
    this.inCertification = true;
    await this.drained();
  }

  async passage(p: CpfPassage): Promise<void> {
    if (!this.inCertification) throw new Error('a passage needs a certification first');
    const t = p.titulaire;
    this.open('passageCertification');
    this.text('idTechnique', p.idTechnique);
    this.text('obtentionCertification', p.obtention);
    this.text('donneeCertifiee', true);
    this.text('dateDebutValidite', p.dateDebutValidite);
    if (p.dateFinValidite) this.text('dateFinValidite', p.dateFinValidite);
    else this.nil('dateFinValidite');
    this.text('presenceNiveauLangueEuro', false);
    this.text('presenceNiveauNumeriqueEuro', false);
    this.nil('scoring');
    this.nil('mentionValidee');
    this.open('modalitesInscription');
    this.text('modaliteAcces', p.modaliteAcces);
    if (p.voieAccesVae) this.text('voieAccessVAE', p.voieAccesVae);
    this.close();
    this.open('identificationTitulaire');
    this.open('titulaire');
    this.text('nomNaissance', t.nomNaissance);
    if (t.nomUsage) this.text('nomUsage', t.nomUsage);
    else this.nil('nomUsage');
    this.text('prenom1', t.prenom1);
    this.text('anneeNaissance', t.anneeNaissance);
    this.text('moisNaissance', t.moisNaissance);
    this.text('jourNaissance', t.jourNaissance);
    this.text('sexe', t.sexe);
    this.open('codeCommuneNaissance');
    if (t.codeInsee) {
      this.open('codeInseeNaissance');
      this.text('codeInsee', t.codeInsee);
    } else {
      this.open('codePostalNaissance');
      this.text('codePostal', t.codePostal ?? '');
    }
    this.close();
    this.close(); // codeCommuneNaissance
    this.optional('libelleCommuneNaissance', t.libelleCommune);
    this.optional('codePaysNaissance', t.codePays);
    this.optional('libellePaysNaissance', t.libellePays);
    this.close(); // titulaire
    this.close(); // identificationTitulaire
    this.close(); // passageCertification
    await this.drained();
  }

  async finish(): Promise<void> {
    if (this.inCertification) {
      this.close();
      this.close();
    }
    this.close(); // certifications
    this.close(); // certificateur
    this.close(); // certificateurs
    this.close(); // emetteur
    this.close(); // flux
    this.xml.end();
    if (this.failure) throw this.failure;
    const ended = once(this.stream, 'finish');
    this.stream.end();
    await ended;
  }

  async keep(): Promise<string> {
    return '';
  }

  async abort(): Promise<void> {
    (this.stream as WriteStream).destroy?.();
  }
}

/**
 * Deposit files in a folder: written as `<name>.part`, renamed to `<name>` once the batch is
 * recorded, removed if anything fails.
 */
export class CpfFolderOutput implements CpfFluxOutput {
  constructor(
    private readonly folder: string,
    private readonly options: CpfWriterOptions = {},
  ) {}

  open(header: CpfFluxHeader, fileName: string): CpfFluxWriter {
    const path = join(this.folder, fileName);
    const partial = `${path}.part`;
    const stream = createWriteStream(partial, { encoding: 'utf8', highWaterMark: 256 * 1024 });
    const writer = new CpfXmlFluxWriter(stream, header, this.options);
    return {
      certification: (c) => writer.certification(c),
      passage: (p) => writer.passage(p),
      finish: () => writer.finish(),
      keep: async () => {
        await rename(partial, path);
        return path;
      },
      abort: async () => {
        await writer.abort();
        await rm(partial, { force: true });
      },
    };
  }
}
