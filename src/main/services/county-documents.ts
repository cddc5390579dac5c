import { randomUUID } from 'node:crypto';
import type { ResidentIdentity } from '../../shared/domain/identity';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import type { QueryResponse } from '../../shared/sync/protocol';

export type CountyDocument = NonNullable<QueryResponse['document']>;

/** How many documents of a visit the core keeps (a resident prints one or two; the rest are forgotten). */
const KEEP = 8;

/**
 * Certificates exactly as the county sent them, kept in the core for the visit under a one-time id. The screen gets
 * a masked copy and the id; printing takes the county's own copy by that id, so nothing a screen hands back can
 * change what is printed. Forgotten when the visit ends.
 */
export class CountyDocuments {
  private readonly held = new Map<string, { document: CountyDocument; itemCode: string; resident: ResidentIdentity | null }>();

  keep(document: CountyDocument, itemCode: string, resident: ResidentIdentity | null): string {
    const id = randomUUID();
    this.held.set(id, { document, itemCode, resident });
    while (this.held.size > KEEP) this.held.delete(this.held.keys().next().value!);
    return id;
  }

  get(id: string): { document: CountyDocument; itemCode: string } | null {
    return this.held.get(id) ?? null;
  }

  clear(): void {
    this.held.clear();
  }
}

/** The document for the screen: the resident's name and ID number masked wherever the county wrote them. */
export function maskedDocument(document: CountyDocument, resident: Pick<ResidentIdentity, 'name' | 'idNumber'> | null): CountyDocument {
  if (!resident) return document;
  const mask = (line: string) => line.split(resident.idNumber).join(maskIdNumber(resident.idNumber)).split(resident.name).join(maskName(resident.name));
  return { ...document, title: mask(document.title), lines: document.lines.map(mask) };
}
