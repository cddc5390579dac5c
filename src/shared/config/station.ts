import { z } from 'zod';

/**
 * Where this copy of the app runs: the village kiosk, the window PC, or a clerk's home-visit laptop. A file of its
 * own because the screen's first answer (`site.info`) names it: importing the whole site configuration's schema for
 * it would build that schema during the page's start-up (docs/architecture.md, "Start-up").
 */
export const StationSchema = z.enum(['kiosk', 'window', 'homeVisit']);
export type Station = z.infer<typeof StationSchema>;
