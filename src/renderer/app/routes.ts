import type { CategoryCode } from '../../shared/catalog/categories';

/** Where the resident is. A visit keeps a stack of these so "back" retraces the way they came. */
export type Route =
  | { name: 'home' }
  | { name: 'category'; category: CategoryCode }
  | { name: 'search' }
  | { name: 'item'; itemCode: string }
  | { name: 'flow'; itemCode: string }
  | { name: 'requests' };

/** A short id for help requests and test hooks: never personal data. */
export function routeId(route: Route | null): string {
  if (!route) return 'attract';
  switch (route.name) {
    case 'home':
    case 'search':
    case 'requests':
      return route.name;
    case 'category':
      return `category:${route.category}`;
    case 'item':
    case 'flow':
      return `${route.name}:${route.itemCode}`;
  }
}
