import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * Test support: validates a deposit file against the Caisse des Dépôts' schema 1.1.2 (kept beside
 * this file, as published) with xmllint compiled to WebAssembly: no system package needed.
 */
export async function cpfSchemaErrors(xml: string): Promise<string[]> {
  const xsd = readFileSync(join(__dirname, '..', 'cpf-accrochage-1.1.2.xsd'), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'deposit.xml', contents: xml }],
    schema: [{ fileName: 'cpf-accrochage-1.1.2.xsd', contents: xsd }],
    // A deposit of many passages needs more than the default 16 MiB.
    initialMemoryPages: 256 * 16,
    maxMemoryPages: 65536,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
