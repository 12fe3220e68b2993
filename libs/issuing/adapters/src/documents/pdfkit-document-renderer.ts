import type {
  DocumentRenderer,
  LivretDocument,
  ParcheminDocument,
} from '@certif/issuing-application';
import { renderLivretPdf } from './livret-pdf';
import { renderParcheminPdf } from './parchemin-pdf';

export class PdfkitDocumentRenderer implements DocumentRenderer {
  parchemin(document: ParcheminDocument): Promise<Buffer> {
    return renderParcheminPdf(document);
  }

  livret(document: LivretDocument): Promise<Buffer> {
    return renderLivretPdf(document);
  }
}
