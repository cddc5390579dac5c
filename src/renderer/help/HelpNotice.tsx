import { useTranslation } from 'react-i18next';
import type { HelpState } from './use-help';

/**
 * What the resident is told after pressing help: who was called (and who is coming once a clerk answers), or, when
 * no clerk is logged in anywhere on the point, that nobody was told and which phone to call. Never "help is coming"
 * unless a clerk's screen was actually reached.
 */
export function HelpNotice({ state, onDismiss }: { state: HelpState; onDismiss: () => void }) {
  const { t } = useTranslation('staff');
  if (state.phase === 'idle' || state.phase === 'sending') return null;
  let text: string;
  let tone = 'banner--info';
  if (state.phase === 'reached') {
    text = state.takenBy ? t('helpCall.coming', { name: state.takenBy }) : t('helpCall.reached', { names: state.call.clerks.join(t('helpCall.nameSeparator')) });
  } else if (state.phase === 'nobody') {
    tone = 'banner--warning';
    text = state.call.onDuty ? t('helpCall.nobodyWithDuty', { phone: state.call.phone, name: state.call.onDuty }) : t('helpCall.nobody', { phone: state.call.phone });
  } else {
    tone = 'banner--warning';
    text = t('screens:help.failed');
  }
  return (
    <div className={`banner ${tone} banner--row`} role="status" data-help-state={state.phase}>
      <span>{text}</span>
      <button type="button" className="button" onClick={onDismiss}>
        {t('screens:help.dismiss')}
      </button>
    </div>
  );
}
