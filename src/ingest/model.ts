/**
 * The fact file (`diplograph/facts@1`) as TypeScript sees it once the JSON Schema has accepted it.
 * docs/fact-file-format.md is the authority; these types only mirror it.
 */
export interface EvidenceDecl {
  quote: string;
  attributedTo?: string;
  dateExpression?: string;
  occurrence?: number;
}

export interface DocumentDecl {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string;
  url?: string;
  language?: string;
  text: string;
}

export interface PersonDecl { id: string; name: string; nativeName?: string | null; aliases?: string[]; externalIds?: Record<string, string> }
export interface OrganizationDecl { id: string; name: string; kind: string; aliases?: string[]; partOf?: string | null; country?: string | null }
export interface PlaceDecl { id: string; name: string; kind: string; aliases?: string[]; country?: string | null }
export interface PositionDecl { id: string; title: string; aliases?: string[]; organization?: string | null; jurisdiction?: string | null }
export interface TopicDecl { id: string; name: string; aliases?: string[] }
export interface RankContextDecl { id: string; name: string; aliases?: string[]; jurisdiction?: string | null }

interface FactBase { id: string; evidence: EvidenceDecl[] }
export interface TenureDecl extends FactBase { person: string; position: string; start: string; startPrecision?: string; end?: string | null; endCause?: string | null }
export interface ParticipantDecl { person: string; role: string; delegation?: string | null; title?: string | null; position?: string | null }
export interface MeetingDecl extends FactBase {
  date: string; dateExpression?: string | null; endDate?: string | null; durationMinutes?: number | null; durationExpression?: string | null;
  place?: string | null; format?: string; cameo?: string | null; description?: string | null; trip?: string | null; topics?: string[];
  participants: ParticipantDecl[];
}
export interface TripDecl extends FactBase { travellers: string[]; destination: string; startDate: string; endDate?: string | null; purpose?: string | null; significance?: string | null; firstSince?: number | null }
export interface InvitationDecl extends FactBase { inviter: string; invitee: string; destination?: string | null; date: string; dateExpression?: string | null; status: string; meeting?: string | null; fulfilledBy?: string | null }
export interface StatementDecl extends FactBase { speakers: string[]; text: string; mode: string; date: string; meeting?: string | null; reportedBy?: string | null; about?: string[] }
export interface RankClaimDecl extends FactBase { superior: string; inferior: string; context: string; date: string; basis?: string[] }
export interface PrecedenceDecl extends FactBase { context: string; position: string; level: number; validFrom?: string | null; validTo?: string | null }
export interface RelationIssueDecl extends FactBase { topic: string; between: string[]; date: string; description?: string | null }
export interface AlternativeDecl extends FactBase { fact: string; field: string; value: unknown; preferred?: boolean }

export interface FactFile {
  format: string;
  document: DocumentDecl;
  people?: PersonDecl[];
  organizations?: OrganizationDecl[];
  places?: PlaceDecl[];
  positions?: PositionDecl[];
  topics?: TopicDecl[];
  rankContexts?: RankContextDecl[];
  tenures?: TenureDecl[];
  meetings?: MeetingDecl[];
  trips?: TripDecl[];
  invitations?: InvitationDecl[];
  statements?: StatementDecl[];
  rankClaims?: RankClaimDecl[];
  precedence?: PrecedenceDecl[];
  relationIssues?: RelationIssueDecl[];
  alternatives?: AlternativeDecl[];
}

/** Entity sections and the label each declares. */
export const ENTITY_SECTIONS = {
  people: 'Person',
  organizations: 'Organization',
  places: 'Place',
  positions: 'Position',
  topics: 'Topic',
  rankContexts: 'RankContext',
} as const;
export type EntitySection = keyof typeof ENTITY_SECTIONS;
export type EntityLabel = (typeof ENTITY_SECTIONS)[EntitySection];

/** Fact sections and the label each declares. Every fact node also carries `:Fact`. */
export const FACT_SECTIONS = {
  tenures: 'Tenure',
  meetings: 'Meeting',
  trips: 'Trip',
  invitations: 'Invitation',
  statements: 'Statement',
  rankClaims: 'RankClaim',
  precedence: 'Precedence',
  relationIssues: 'RelationIssue',
  alternatives: 'Alternative',
} as const;
export type FactSection = keyof typeof FACT_SECTIONS;
export type FactLabel = (typeof FACT_SECTIONS)[FactSection];

export const FACT_LABELS: readonly FactLabel[] = Object.values(FACT_SECTIONS);

/** A fact of the file with the section and index it was declared at. */
export interface DeclaredFact {
  section: FactSection;
  label: FactLabel;
  index: number;
  decl: FactBase & Record<string, unknown>;
}

export function declaredFacts(file: FactFile): DeclaredFact[] {
  const out: DeclaredFact[] = [];
  for (const [section, label] of Object.entries(FACT_SECTIONS) as [FactSection, FactLabel][]) {
    (file[section] ?? []).forEach((decl, index) => out.push({ section, label, index, decl: decl as unknown as DeclaredFact['decl'] }));
  }
  return out;
}
