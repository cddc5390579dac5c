import { z } from 'zod';

/**
 * Proxy applications (代理办): an agent applies for a resident who cannot come. The agent's identity is read from
 * their own ID card, the relation is chosen from this list, and the resident's consent is recorded either as a
 * signed consent slip photographed on the document camera or as the resident's own social security card and PIN.
 * The record travels with the submission (channel `proxy`) so the county can see who acted and on what consent.
 */
export const PROXY_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'otherRelative', 'villageCadre'] as const;
export const ProxyRelationSchema = z.enum(PROXY_RELATIONS);
export type ProxyRelation = z.infer<typeof ProxyRelationSchema>;

export const PROXY_CONSENTS = ['signedSlip', 'cardAndPin'] as const;
export const ProxyConsentSchema = z.enum(PROXY_CONSENTS);
export type ProxyConsent = z.infer<typeof ProxyConsentSchema>;

/** The material code under which the photographed consent slip travels with the submission's attachments. */
export const CONSENT_SLIP_MATERIAL = 'proxyConsentSlip';

/** An agent must be of age to act for someone else. */
export const AGENT_MIN_AGE = 18;

/** What the county receives about a proxy application (beside the resident's own identity). */
export const ProxyPayloadSchema = z.object({
  agent: z.object({
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: z.string().min(1).max(60),
    /** The agent is always read from their ID card on the reader, never typed. */
    source: z.literal('idCard'),
  }),
  relation: ProxyRelationSchema,
  consent: ProxyConsentSchema,
  /** SHA-256 of the photographed consent slip among the attachments (signedSlip only). */
  consentSlipSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ProxyPayload = z.infer<typeof ProxyPayloadSchema>;

/** What a screen sees of the proxy in this visit: masked, and whether consent is in. */
export const ProxySummarySchema = z.object({
  itemCode: z.string(),
  agentMaskedName: z.string(),
  agentMaskedIdNumber: z.string(),
  relation: ProxyRelationSchema,
  consent: ProxyConsentSchema.nullable(),
});
export type ProxySummary = z.infer<typeof ProxySummarySchema>;
