export type Language = 'sv' | 'en';
