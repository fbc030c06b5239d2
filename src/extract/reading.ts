/**
 * What the extraction rules read in a report: its countries, places, bodies, people, agreements, acts and events, as
 * words of the text with their evidence.
 */
import type { SigningVerb } from '../model/facts';
import type { Reading as FactReading } from '../ingest/format';
import { type Cited } from './document';
import { type AgreementKind, BODY_KINDS } from './lexicon';

export interface XCountry {
  iso: string;
  name: string;
  forms: Set<string>;
  evidence: Cited[];
  mentions: number;
}
export interface XBody {
  name: string;
  /** Other printed forms of the name (State Authority for Military Industry of Belarus). */
  aliases?: Set<string>;
  kind: (typeof BODY_KINDS)[number][1];
  country?: string;
  nameAsReported: boolean;
  evidence: Cited[];
}
export interface XPlace {
  name: string;
  kind: 'CITY' | 'REGION' | 'VENUE';
  country?: string;
  evidence: Cited[];
}
/** An office title as printed, and what it says. */
export interface XTitle {
  /** The words as printed (Belarusian Defence Minister). */
  printed: string;
  /** The office without country words (Defence Minister). */
  position: string;
  country?: string;
  body?: string;
  evidence: Cited;
  from: number;
  to: number;
  reading?: FactReading;
}
export interface XPerson {
  name: string;
  aliases: Set<string>;
  weakAliases: Set<string>;
  evidence: Cited[];
  titles: XTitle[];
  /** Token ranges of its mentions. */
  spans: [number, number][];
}
export type XActor = { country: string } | { body: XBody } | { place: XPlace };
export interface XAgreement {
  title: string;
  titleAsReported: boolean;
  kind: AgreementKind;
  kindAsReported?: string;
  topics: string[];
  parties: XActor[];
  signatories: XActor[];
  signedOn?: string;
  evidence: Cited[];
  reading?: FactReading;
  confidence: number;
  from: number;
  to: number;
  /** Later mentions that refer back to it ("The agreement between the Los Lagos Region and Nordland County"). */
  mentions?: number[];
}
export interface XSide {
  person?: XPerson;
  titles: XTitle[];
  role: string;
  country?: string;
  reading?: FactReading;
  evidence: Cited;
}
export interface XAct {
  verb: SigningVerb;
  words: string;
  date?: string;
  documents: XAgreement[];
  sides: XSide[];
  evidence: Cited;
  confidence: number;
}
export interface XParticipant {
  person?: XPerson;
  label?: string;
  country?: string;
  role: 'VISITOR' | 'HOST' | 'PARTICIPANT' | 'WITNESS' | 'SPEAKER' | 'PRESIDING';
  evidence?: Cited;
}
export interface XEvent {
  kind: 'VISIT' | 'MEETING' | 'TALKS' | 'SIGNING_CEREMONY' | 'PRESS_EVENT';
  name: string;
  date?: string;
  reading?: FactReading;
  place?: XPlace;
  country?: string;
  between: string[];
  participants: XParticipant[];
  evidence: Cited[];
}

export interface Reading {
  countries: XCountry[];
  places: XPlace[];
  bodies: XBody[];
  people: XPerson[];
  /** Titles with no named holder that act or take part (the Kenyan Minister of Foreign Affairs). */
  unnamed: XTitle[];
  agreements: XAgreement[];
  acts: XAct[];
  events: XEvent[];
}
