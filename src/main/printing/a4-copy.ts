import type { ReceiptDocument } from '../../devices/printer/receipt-document';
import { PdfComposer } from './pdf-composer';
import { finish, verificationFor, type PdfContext, type RenderedPdf } from './pdf-documents';

/**
 * The A4 copy of a slip (the inquiry register, "where is my request"): the very blocks the receipt printer gets, laid
 * out on A4 with the embedded CJK font, so paper of either size says the same thing (one definition per document).
 */
export async function a4CopyPdf(slip: ReceiptDocument, title: string, ctx: PdfContext): Promise<RenderedPdf> {
  const composer = await PdfComposer.create({ title });
  for (const block of slip.blocks) {
    if (block.kind === 'text') {
      if (block.size === 'double') composer.heading(block.text);
      else composer.paragraph(block.text, { bold: block.bold ?? false, align: block.align === 'center' ? 'center' : 'left' });
    } else if (block.kind === 'pair') composer.pair(block.label, block.value);
    else if (block.kind === 'rule') composer.rule();
    else if (block.kind === 'feed') composer.space(6 * block.lines);
    // A slip's QR (a tracking link) is left off: the A4 copy carries its own print reference.
  }
  return finish(composer, ctx, verificationFor(ctx.kioskId, JSON.stringify({ title, at: ctx.printedAt, blocks: slip.blocks })));
}
