/**
 * An ecosystem before it is wired: the entities, where each sits (chains, position, park, when it
 * entered), and the few core ties that are declared one by one (who operates which platform, who
 * leads which consortium, who backs which fund, which service institution pairs with which park).
 * The seed declares these by hand; the generator draws them. `wireEcosystem` adds the rest.
 */
import type { Dataset, Entity, EntityKind, RelationStatus, ServiceArea } from '@innograph/model';
import type { ChainPosition, FirmLine } from './vocabulary.js';

export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;

export interface Actor<K extends EntityKind> {
  entity: EntityOf<K>;
  /** Ids of the chains it serves, home chain first; empty for a chain itself. */
  chains: readonly string[];
  position?: ChainPosition;
  /** Day (from 2018-01-01) it joined the ecosystem: none of its ties starts earlier. */
  entered: number;
  /** The park it sits in, when that is declared; otherwise the wiring may place it. */
  park?: string;
}

export interface FirmActor extends Actor<'PrivateFirm'> {
  line: FirmLine;
}

/** An actor of any kind (a union, so that each member keeps its own entity type). */
export type AnyActor = { [K in EntityKind]: Actor<K> }[EntityKind] | FirmActor;

export interface Operation {
  leader: string;
  platform: string;
}

export interface Leadership {
  leader: string;
  consortium: string;
}

export interface Backing {
  leader: string;
  fund: string;
  role: 'lead' | 'participant';
}

export interface ServicePairing {
  service: string;
  park: string;
  status: RelationStatus;
  focusAreas: ServiceArea[];
}

export interface CoreTies {
  operates: Operation[];
  leads: Leadership[];
  backs: Backing[];
  servicePairings: ServicePairing[];
}

export interface Ecosystem {
  chains: Actor<'IndustryChain'>[];
  leaders: Actor<'ChainLeader'>[];
  firms: FirmActor[];
  labs: Actor<'Lab'>[];
  pilotBases: Actor<'PilotBase'>[];
  funds: Actor<'Fund'>[];
  parks: Actor<'SciencePark'>[];
  services: Actor<'ServiceInstitution'>[];
  consortia: Actor<'Consortium'>[];
  core: CoreTies;
}

/** Every actor, in a fixed order: chains, leaders, firms, platforms, funds, parks, services, consortia. */
export function allActors(ecosystem: Ecosystem): AnyActor[] {
  return [
    ...ecosystem.chains,
    ...ecosystem.leaders,
    ...ecosystem.firms,
    ...ecosystem.labs,
    ...ecosystem.pilotBases,
    ...ecosystem.funds,
    ...ecosystem.parks,
    ...ecosystem.services,
    ...ecosystem.consortia,
  ];
}

export function entitiesOf(ecosystem: Ecosystem): Dataset['entities'] {
  return allActors(ecosystem).map((actor) => actor.entity);
}
