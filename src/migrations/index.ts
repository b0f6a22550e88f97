import * as migration_20261125_095251_initial from './20261125_095251_initial';
import * as migration_20261125_120102_term_statistics from './20261125_120102_term_statistics';
import * as migration_20261202_050000_published_group_labels from './20261202_050000_published_group_labels';
import * as migration_20261202_050526_translation_group_languages from './20261202_050526_translation_group_languages';
import * as migration_20261202_132606_footnote_title_key from './20261202_132606_footnote_title_key';

export const migrations = [
  {
    up: migration_20261125_095251_initial.up,
    down: migration_20261125_095251_initial.down,
    name: '20261125_095251_initial',
  },
  {
    up: migration_20261125_120102_term_statistics.up,
    down: migration_20261125_120102_term_statistics.down,
    name: '20261125_120102_term_statistics',
  },
  {
    up: migration_20261202_050000_published_group_labels.up,
    down: migration_20261202_050000_published_group_labels.down,
    name: '20261202_050000_published_group_labels',
  },
  {
    up: migration_20261202_050526_translation_group_languages.up,
    down: migration_20261202_050526_translation_group_languages.down,
    name: '20261202_050526_translation_group_languages',
  },
  {
    up: migration_20261202_132606_footnote_title_key.up,
    down: migration_20261202_132606_footnote_title_key.down,
    name: '20261202_132606_footnote_title_key'
  },
];
