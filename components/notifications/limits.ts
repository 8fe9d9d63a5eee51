/** How many notifications the bell's panel shows, and a page of the full list. Plain constants
 *  (not in a "use client" module) so that the server page can prefetch the same query. */
export const BELL_PANEL_SIZE = 10;
export const NOTIFICATIONS_PAGE_SIZE = 20;
