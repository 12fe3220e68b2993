import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
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
 * Streams a deposit file. The envelope's tags are written as they come; each header group and
 * each passage is built and serialised by xmlbuilder2 as one small fragment (escaping,
 * namespaces, `xsi:nil`), written to the file, then dropped, and the writer waits for the file
 * stream to drain between passages: a file of 200,000 passages never sits in memory. (A
 * fragment per passage costs about 0.2 ms; xmlbuilder2's callback builder, which makes a
 * document per element, cost 3 ms.) Every element is in the schema's namespace (its
 * `elementFormDefault` is qualified), declared on the root and again on each fragment.
 */
export class CpfXmlFluxWriter implements CpfFluxWriter {
  private xml: XMLBuilder;
  private inCertification = false;
  private readonly pretty: boolean;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    header: CpfFluxHeader,
    options: CpfWriterOptions = {},
  ) {
    this.pretty = options.prettyPrint ?? true;
    const version = options.schemaVersion ?? '1.1.2';
    if (version === '1.1.2' && options.action && options.action !== 'CREATION')
      throw new Error(`the ${version} schema has no flux.action: ${options.action} needs 1.1.5`);
    this.raw(
      `<?xml version="1.0" encoding="UTF-8"?>\n<cpf:flux xmlns:cpf="${CPF_NAMESPACE}" xmlns:xsi="${XSI}">`,
    );
    this.xml = fragment();
    this.text('idFlux', header.idFlux);
    this.text('horodatage', header.horodatage);
    if (version === '1.1.5') this.text('action', options.action ?? 'CREATION');
    this.flush();
    this.raw('<cpf:emetteur>');
    this.text('idClient', header.certifier.cpfClientId);
    this.flush();
    this.raw('<cpf:certificateurs><cpf:certificateur>');
    this.text('idClient', header.certifier.cpfClientId);
    this.text('idContrat', header.certifier.cpfContractId);
    this.flush();
    this.raw('<cpf:certifications>');
  }

  private raw(text: string): void {
    this.stream.write(this.pretty ? `${text}\n` : text);
  }

  /** Writes the fragment built so far and starts a new one. */
  private flush(): void {
    this.raw(this.xml.end({ prettyPrint: this.pretty }));
    this.xml = fragment();
  }

  private open(name: string): void {
    this.xml = this.xml.ele(CPF_NAMESPACE, `cpf:${name}`);
  }

  private close(): void {
    this.xml = this.xml.up();
  }

  private text(name: string, value: string | number | boolean): void {
    this.xml.ele(CPF_NAMESPACE, `cpf:${name}`).txt(String(value));
  }

  private nil(name: string): void {
    this.xml.ele(CPF_NAMESPACE, `cpf:${name}`).att(XSI, 'xsi:nil', 'true');
  }

  private optional(name: string, value: string | null): void {
    if (value !== null) this.text(name, value);
  }

  private async drained(): Promise<void> {
    const stream = this.stream as WriteStream;
    if (stream.writableNeedDrain) await once(stream, 'drain');
  }

  async certification(certification: CpfCertification): Promise<void> {
    if (this.inCertification) this.raw('</cpf:passageCertifications></cpf:certification>');
    this.raw('<cpf:certification>');
    this.text('type', certification.type);
    this.text('code', certification.code);
    this.text('natureDeposant', 'CERTIFICATEUR');
    this.flush();
    this.raw('<cpf:passageCertifications>');
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
    this.flush();
    await this.drained();
  }

  async finish(): Promise<void> {
    if (this.inCertification) this.raw('</cpf:passageCertifications></cpf:certification>');
    this.raw(
      '</cpf:certifications></cpf:certificateur></cpf:certificateurs></cpf:emetteur></cpf:flux>',
    );
    const ended = once(this.stream, 'finish');
    this.stream.end();
    await ended;
  }

  async keep(): Promise<string> {
    return '';
  }

  async abort(): Promise<void> {
    const stream = this.stream as WriteStream;
    // Nothing of it is kept, but the header may still be queued while the file opens: destroying
    // the stream then makes Node emit an error for those writes (an uncaught 'error' event).
    // Let the queue finish and the file close; the caller removes the file.
    stream.on('error', () => undefined);
    if (stream.closed || stream.destroyed) return;
    const closed = once(stream, 'close').catch(() => undefined);
    stream.end();
    await closed;
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
