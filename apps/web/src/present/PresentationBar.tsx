/** Presentation mode's controls: the step's caption, where we are, previous / next, image
 *  export of the slide, and leaving. */
import type { Language } from '@innograph/model';
import { t } from '../i18n.js';
import type { Presenting } from './usePresentations.js';

export interface PresentationBarProps {
  language: Language;
  presenting: Presenting;
  onGo(step: number): void;
  onStop(): void;
  onExportPng(): void;
  onExportSvg(): void;
}

export function PresentationBar(props: PresentationBarProps) {
  const { language, presenting } = props;
  const { presentation, step } = presenting;
  const count = presentation.steps.length;
  const current = presentation.steps[step];
  const view = current ? presenting.views[current.view] : undefined;
  return (
    <div className="presentation-bar" data-testid="presentation-bar">
      <div className="presentation-caption">
        <h2 data-testid="presentation-title">{view?.name ?? presentation.name}</h2>
        {current?.caption ? <p data-testid="presentation-caption">{current.caption}</p> : null}
      </div>
      <div className="presentation-controls">
        <button
          type="button"
          onClick={() => props.onGo(step - 1)}
          disabled={step === 0}
          aria-label={t(language, 'previousStep')}
          data-testid="presentation-previous"
        >
          ◀
        </button>
        <output data-testid="presentation-step" aria-live="polite">
          {step + 1} / {count}
        </output>
        <button
          type="button"
          onClick={() => props.onGo(step + 1)}
          disabled={step >= count - 1}
          aria-label={t(language, 'nextStep')}
          data-testid="presentation-next"
        >
          ▶
        </button>
        <button type="button" onClick={props.onExportPng} data-testid="presentation-png">
          PNG
        </button>
        <button type="button" onClick={props.onExportSvg} data-testid="presentation-svg">
          SVG
        </button>
        <button type="button" onClick={props.onStop} data-testid="presentation-stop">
          {t(language, 'endPresentation')}
        </button>
      </div>
    </div>
  );
}
