/** @jest-environment jsdom */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { KioskClient } from '../../shared/contract/client';
import type { SiteInfo } from '../../shared/contract/methods/system';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import type { ResidentSummary } from '../../shared/domain/identity';
import { KioskContext } from '../app/kiosk-context';
import { CatalogProvider } from '../catalog/catalog-context';
import { setupI18n } from '../i18n/setup';
import { FlowScreen } from './FlowScreen';

/**
 * The flow engine's step plan as the resident sees it: the progress list names each planned screen of the item in
 * order, and the current one is marked. The core is a stand-in that answers the catalogue and "who is identified"
 * (the screens' own calls are proven against the real core in the e2e); everything else stays unanswered.
 */
const RESIDENT: ResidentSummary = { maskedName: 'W*', maskedIdNumber: '1101**********0012', source: 'idCard' };

function coreStandIn(identified: ResidentSummary | null): KioskClient {
  const catalog = defaultCatalog();
  const answers: Record<string, unknown> = {
    'catalog.list': { version: catalog.version, items: catalog.items, source: 'default' },
    'session.current': identified,
    'system.caller': { roles: [] },
    'devices.list': { devices: [] },
  };
  return {
    invoke: (method: string) => (method in answers ? Promise.resolve(answers[method]) : new Promise(() => undefined)),
    on: () => () => undefined,
  } as unknown as KioskClient;
}

function renderFlow(itemCode: string, identified: ResidentSummary | null) {
  const site = { station: 'kiosk', simulated: false } as unknown as SiteInfo;
  return render(
    <KioskContext.Provider value={{ client: coreStandIn(identified), site }}>
      <CatalogProvider>
        <FlowScreen itemCode={itemCode} onIdentified={() => undefined} onFinish={() => undefined} />
      </CatalogProvider>
    </KioskContext.Provider>,
  );
}

async function progress(): Promise<{ names: string[]; current: string | null }> {
  const list = await screen.findByRole('list', { name: 'Progress' });
  const items = within(list).getAllByRole('listitem');
  return { names: items.map((li) => li.textContent ?? ''), current: items.find((li) => li.getAttribute('aria-current') === 'step')?.textContent ?? null };
}

describe('the flow engine step plan', () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it('a face-checked application: identify, face, check and submit, receipt; it waits on identify', async () => {
    renderFlow('INS-04', null);
    expect(await progress()).toEqual({ names: ['Identify', 'Face check', 'Check and submit', 'Receipt'], current: 'Identify' });
  });

  it('a money item with two form pages and papers: a resident already identified goes straight to the first page', async () => {
    const { container } = renderFlow('JOB-09', RESIDENT);
    await waitFor(() => expect(container.querySelector('[data-flow="JOB-09"]')?.getAttribute('data-step')).toBe('form-0'));
    const { names, current } = await progress();
    expect(names).toEqual(['Identify', 'Details', 'Details', 'Photos of papers', 'Check and submit', 'Receipt']);
    expect(current).toBe('Details');
    expect(screen.getByTestId('resident-masked').textContent).toContain(RESIDENT.maskedIdNumber);
  });

  it('a lookup item plans its form and the result, and no identify step', async () => {
    renderFlow('JOB-02', null);
    expect(await progress()).toEqual({ names: ['Details', 'Result'], current: 'Details' });
  });
});
