import { describe, expect, it } from 'vitest';
import {
  bothOf,
  buildEcosystem,
  chainScope,
  chainsOfEntity,
  inOf,
  outOf,
  ownershipGroupOf,
  proposedOf,
} from './ecosystem.js';
import { smallEcosystem } from './fixtures/ecosystem.js';

describe('ownershipGroupOf', () => {
  it('takes the ownership attribute, else derives it from the kind', () => {
    expect(ownershipGroupOf({ kind: 'PrivateFirm', ownership: 'mixed' })).toBe('mixed');
    expect(ownershipGroupOf({ kind: 'ChainLeader' })).toBe('state');
    expect(ownershipGroupOf({ kind: 'PrivateFirm' })).toBe('private');
    expect(ownershipGroupOf({ kind: 'Lab', ownerType: 'soe' })).toBe('state');
    expect(ownershipGroupOf({ kind: 'PilotBase', ownerType: 'university' })).toBe('public');
    expect(ownershipGroupOf({ kind: 'Fund', fundType: 'social-capital-led' })).toBe('private');
    expect(ownershipGroupOf({ kind: 'Fund', fundType: 'soe-participating' })).toBe('state');
    expect(ownershipGroupOf({ kind: 'ServiceInstitution' })).toBeNull();
    expect(ownershipGroupOf({ kind: 'Consortium', ownership: 'nonsense' })).toBeNull();
  });
});

describe('buildEcosystem', () => {
  const eco = buildEcosystem(smallEcosystem());

  it('indexes active relations only; planned ones are proposals, ended ones are gone', () => {
    expect(outOf(eco, 'OPENS_TO', 'lab-1')).toEqual(['pf-2']);
    expect(outOf(eco, 'OPENS_TO', 'pb-1')).toEqual([]);
    expect(outOf(eco, 'OPENS_TO', 'lab-2')).toEqual([]);
    expect(proposedOf(eco, 'OPENS_TO', 'pf-3')).toEqual(['pb-1']);
    expect(inOf(eco, 'LOCATED_IN', 'sp-1')).toEqual(['lab-2', 'pf-1', 'si-2']);
    expect(bothOf(eco, 'PAIRED_WITH', 'sp-2')).toEqual(['si-1']);
    expect(chainsOfEntity(eco, 'pf-4')).toEqual([]); // its BELONGS_TO has ended
  });

  it('counts parks in the chains of what they host, consortia in their leaders’ chains', () => {
    expect(chainScope(eco, 'sp-1')).toEqual(['ic-nev']);
    expect(chainScope(eco, 'sp-3')).toEqual([]);
    expect(chainScope(eco, 'cons-1')).toEqual(['ic-nev']);
    expect(chainScope(eco, 'ic-eq')).toEqual(['ic-eq']);
  });
});
