/**
 * The planner's scenario in the explorer: stored scenarios to reopen, the one being worked on,
 * its evaluation (gap counts and shares before and after, computed by the API in memory), and
 * every change to it saved at once with its version, so two planners never overwrite each other.
 */
import type {
  Language,
  RelationStatus,
  Scenario,
  ScenarioChangeInput,
  ScenarioEvaluation,
  SuggestionRecord,
} from '@innograph/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiFailure } from '../api.js';
import type { EcoGraph } from '../graph/graph.js';
import { t } from '../i18n.js';
import { settleProposed, syncProposed } from './proposed.js';

export interface ScenarioOptions {
  api: ApiClient;
  language: Language;
  /** Whether the user holds the editor token (scenarios are written with it). */
  editing: boolean;
  graph(): EcoGraph;
  /** Redraw after the proposed relations changed. */
  redraw(): void;
  /** After Apply: the stored graph changed. */
  onApplied(message: string): void;
}

/** What can be changed on one proposed change. */
export interface ChangePatch {
  owner?: string;
  status?: RelationStatus;
}

/** The scenario's own fields. */
export interface ScenarioPatch {
  name?: string;
  owner?: string;
  description?: string;
}

export interface ScenarioController {
  scenario: Scenario | null;
  evaluation: ScenarioEvaluation | null;
  /** Stored scenarios, newest first; null until listed. */
  stored: Scenario[] | null;
  busy: boolean;
  error: string | null;
  addSuggestion(suggestion: SuggestionRecord): Promise<void>;
  patch(patch: ScenarioPatch): Promise<void>;
  patchChange(index: number, patch: ChangePatch): Promise<void>;
  removeChange(index: number): Promise<void>;
  open(id: string): Promise<void>;
  create(): Promise<void>;
  close(): void;
  remove(): Promise<void>;
  apply(): Promise<void>;
}

const blankToUndefined = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function errorText(error: unknown, language: Language): string {
  if (error instanceof ApiFailure && error.conflict) return t(language, 'scenarioConflict');
  return error instanceof Error ? error.message : String(error);
}

export function useScenario(options: ScenarioOptions): ScenarioController {
  const { api, editing } = options;
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [evaluation, setEvaluation] = useState<ScenarioEvaluation | null>(null);
  const [stored, setStored] = useState<Scenario[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The latest callbacks, so the actions below keep a stable identity.
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const scenarioRef = useRef(scenario);
  scenarioRef.current = scenario;

  const list = useCallback(async () => {
    try {
      setStored((await api.scenarios()).items);
    } catch {
      setStored([]);
    }
  }, [api]);

  useEffect(() => {
    if (editing) void list();
  }, [editing, list]);

  /** Shows a saved scenario: proposed relations on the graph, then its evaluation. */
  const show = useCallback(
    async (saved: Scenario | null) => {
      setScenario(saved);
      syncProposed(optionsRef.current.graph(), saved);
      optionsRef.current.redraw();
      setEvaluation(null);
      if (saved !== null) setEvaluation(await api.evaluateScenario(saved.id));
    },
    [api],
  );

  /** Runs one change to the scenario: busy while it runs, its error shown, the list refreshed. */
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(errorText(e, optionsRef.current.language));
      } finally {
        setBusy(false);
        void list();
      }
    },
    [list],
  );

  const save = useCallback(
    async (current: Scenario, patch: ScenarioPatch, changes: ScenarioChangeInput[]) => {
      const saved = await api.updateScenario(current.id, {
        name: patch.name ?? current.name,
        description: patch.description ?? current.description,
        owner: 'owner' in patch ? blankToUndefined(patch.owner) : current.owner,
        changes,
        version: current.version,
      });
      await show(saved);
    },
    [api, show],
  );

  const newName = useCallback(
    () =>
      `${t(optionsRef.current.language, 'scenario')} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
    [],
  );

  const addSuggestion = useCallback(
    (suggestion: SuggestionRecord) =>
      run(async () => {
        const change: ScenarioChangeInput = {
          op: 'addRelation',
          relation: {
            id: `r-plan-${Date.now().toString(36)}`,
            type: suggestion.type,
            from: suggestion.from,
            to: suggestion.to,
            status: 'planned',
            since: new Date().toISOString().slice(0, 10),
            evidence: { source: 'suggestion accepted in the explorer', confidence: 'assumed' },
          },
          fromSuggestion: { score: suggestion.score, closes: suggestion.closes },
        };
        const current = scenarioRef.current;
        if (current === null || current.status === 'applied') {
          await show(await api.createScenario({ name: newName(), changes: [change] }));
        } else {
          await save(current, {}, [...current.changes, change]);
        }
      }),
    [api, newName, run, save, show],
  );

  const patch = useCallback(
    (fields: ScenarioPatch) =>
      run(async () => {
        const current = scenarioRef.current;
        if (current !== null) await save(current, fields, current.changes);
      }),
    [run, save],
  );

  const patchChange = useCallback(
    (index: number, fields: ChangePatch) =>
      run(async () => {
        const current = scenarioRef.current;
        if (current === null) return;
        const changes = current.changes.map((change, i): ScenarioChangeInput => {
          if (i !== index || change.op !== 'addRelation') return change;
          const { owner: _owner, ...rest } = change;
          const owner = 'owner' in fields ? blankToUndefined(fields.owner) : change.owner;
          return {
            ...rest,
            ...(owner === undefined ? {} : { owner }),
            relation: { ...change.relation, status: fields.status ?? change.relation.status },
          };
        });
        await save(current, {}, changes);
      }),
    [run, save],
  );

  const removeChange = useCallback(
    (index: number) =>
      run(async () => {
        const current = scenarioRef.current;
        if (current !== null)
          await save(
            current,
            {},
            current.changes.filter((_c, i) => i !== index),
          );
      }),
    [run, save],
  );

  const open = useCallback(
    (id: string) =>
      run(async () => {
        await show(id === '' ? null : await api.scenario(id));
      }),
    [api, run, show],
  );

  const create = useCallback(
    () =>
      run(async () => {
        await show(await api.createScenario({ name: newName(), changes: [] }));
      }),
    [api, newName, run, show],
  );

  const close = useCallback(() => {
    setError(null);
    void show(null);
  }, [show]);

  const remove = useCallback(
    () =>
      run(async () => {
        const current = scenarioRef.current;
        if (current === null) return;
        await api.deleteScenario(current.id, current.version);
        await show(null);
      }),
    [api, run, show],
  );

  const apply = useCallback(
    () =>
      run(async () => {
        const current = scenarioRef.current;
        if (current === null) return;
        const result = await api.applyScenario(current.id, current.version);
        settleProposed(optionsRef.current.graph());
        setScenario(result.scenario);
        optionsRef.current.redraw();
        optionsRef.current.onApplied(
          `${t(optionsRef.current.language, 'applied')}: ${result.applied.length} ${t(optionsRef.current.language, 'changes')}`,
        );
      }),
    [api, run],
  );

  return {
    scenario,
    evaluation,
    stored,
    busy,
    error,
    addSuggestion,
    patch,
    patchChange,
    removeChange,
    open,
    create,
    close,
    remove,
    apply,
  };
}
