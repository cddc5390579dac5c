import fs from 'node:fs';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';

describe('the face camera is asked for what the item does', () => {
  it('DEMO-02 records a new face model; certifications ask for a certification', () => {
    const purpose = (code: string) => defaultCatalog().items.find((i) => i.code === code)!.facePurpose;
    expect(purpose('DEMO-02')).toBe('remodel');
    expect(purpose('INS-04')).toBe('certification');
    // The flow hands the item's purpose to the face step (it used to say 'certification' for every item).
    const flow = fs.readFileSync('src/renderer/flow/FlowScreen.tsx', 'utf8');
    expect(flow).toContain('<FaceStep purpose={item.facePurpose}');
    expect(flow).not.toContain('purpose="certification"');
  });
});
