import { groupedLoader, type LoaderFactory } from '../common/loaders';
import type { Invitation, Statement } from './statement.type';

const NO_KEYS = { speakerIds: [], meetingIds: [], ids: [] };
export const statementsBySpeaker: LoaderFactory<string, Statement[]> = (db) => groupedLoader<Statement>(db, 'statement/statements', NO_KEYS, 'speakerIds');
export const statementsByMeeting: LoaderFactory<string, Statement[]> = (db) => groupedLoader<Statement>(db, 'statement/statements', NO_KEYS, 'meetingIds');
export const invitationsByPerson: LoaderFactory<string, Invitation[]> = (db) =>
  groupedLoader<Invitation>(db, 'statement/invitations', { personIds: [], meetingIds: [] }, 'personIds');
export const invitationsByMeeting: LoaderFactory<string, Invitation[]> = (db) =>
  groupedLoader<Invitation>(db, 'statement/invitations', { personIds: [], meetingIds: [] }, 'meetingIds');
