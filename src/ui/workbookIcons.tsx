/** Icons of the workbook actions, drawn like the rest (16 px, 1.5 stroke, currentColor). */
import { type IconProps, Svg } from './icons';
export const SaveIcon = ({ className }: IconProps) => (
  <Svg className={`icon ${className ?? ''}`}>
    <path d="M3 2.5h8l2.5 2.5v8.5H3z" />
    <path d="M5.5 2.5v3h4.5v-3M5.5 13.5v-4h5v4" />
  </Svg>
);

export const WorkbookIcon = ({ className }: IconProps) => (
  <Svg className={`icon ${className ?? ''}`}>
    <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" />
    <path d="M2.5 6h11M6 6v7.5" />
  </Svg>
);

export const UndoIcon = ({ className }: IconProps) => (
  <Svg className={`icon ${className ?? ''}`}>
    <path d="M5 3.5L2.5 6 5 8.5" />
    <path d="M2.5 6H10a3.5 3.5 0 0 1 0 7H6" />
  </Svg>
);

export const RedoIcon = ({ className }: IconProps) => (
  <Svg className={`icon ${className ?? ''}`}>
    <path d="M11 3.5L13.5 6 11 8.5" />
    <path d="M13.5 6H6a3.5 3.5 0 0 0 0 7h4" />
  </Svg>
);
