import * as migration_20261125_095251_initial from './20261125_095251_initial';

export const migrations = [
  {
    up: migration_20261125_095251_initial.up,
    down: migration_20261125_095251_initial.down,
    name: '20261125_095251_initial'
  },
];
