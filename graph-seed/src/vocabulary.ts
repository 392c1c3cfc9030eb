/**
 * The words of the two chains the source names: what chain leaders need, what private firms of
 * each line of business offer, and the syllables their illustrative names are made of. The seed
 * and the synthetic generator both draw from here, so their data read alike.
 */
import type { Bilingual, CHAIN_POSITIONS } from '@innograph/model';

export type ChainPosition = (typeof CHAIN_POSITIONS)[number];

/** A line of business of private firms in a chain: one sector, its capabilities and name words. */
export interface FirmLine {
  sector: string;
  position: ChainPosition;
  /** Capabilities an ordinary firm of this line may have. */
  capabilities: readonly string[];
  /** Capabilities only firms offering advanced services have (none for most lines). */
  advancedCapabilities: readonly string[];
  /** Physical parts the line supplies; empty for software and services. */
  parts: readonly string[];
  /** Middle words of a firm's name ("智驾" / "Smart Driving") and the endings ("科技" / "Tech"). */
  words: readonly Bilingual[];
  suffixes: readonly Bilingual[];
  /** Domains of the labs and pilot bases that suit this line's firms. */
  domains: readonly string[];
  /** How many firms of this line the generator makes, relative to the chain's other lines. */
  weight: number;
}

export interface ChainTheme {
  key: 'nev' | 'equipment';
  name: Bilingual;
  chainChief: string;
  segments: readonly string[];
  /** Capabilities chain leaders of this chain look for from suppliers. */
  leaderNeeds: readonly string[];
  /** Needs that no local private firm offers: the capability gap the source describes. */
  gapCapabilities: readonly string[];
  /** Domains of labs and pilot bases of this chain (a subset of capabilities and segments). */
  platformDomains: readonly string[];
  lines: readonly FirmLine[];
  /** Endings of generated chain-leader names: 汽车集团 / Automotive Group. */
  leaderNames: readonly Bilingual[];
}

export const AUTOMOTIVE_SOFTWARE = 'automotive-software';

/** The advanced service the source singles out: fewer than 8% of software firms offer it. */
export const SCENARIO_OPTIMISATION = 'autonomous-driving scenario optimisation';

const automotiveSoftware: FirmLine = {
  sector: AUTOMOTIVE_SOFTWARE,
  position: 'midstream',
  capabilities: [
    'cockpit HMI software',
    'in-vehicle infotainment',
    'OTA updates',
    'vehicle data platform',
    'automotive cybersecurity',
    'battery management software',
    'V2X communication software',
    'embedded control software',
    'driving simulation and testing',
    'ADAS perception algorithms',
    'high-precision maps',
  ],
  advancedCapabilities: [SCENARIO_OPTIMISATION, 'intelligent cockpit'],
  parts: [],
  words: [
    { zh: '智驾', en: 'Smart Driving' },
    { zh: '车联', en: 'Auto Connect' },
    { zh: '座舱', en: 'Cockpit' },
    { zh: '数智', en: 'Digital' },
    { zh: '感知', en: 'Perception' },
    { zh: '算法', en: 'Algorithm' },
    { zh: '云控', en: 'Cloud Control' },
    { zh: '车载', en: 'In-Vehicle' },
    { zh: '仿真', en: 'Simulation' },
    { zh: '智行', en: 'Smart Mobility' },
    { zh: '信安', en: 'Infosec' },
    { zh: '互联', en: 'Interconnect' },
    { zh: '软件', en: 'Software' },
  ],
  suffixes: [
    { zh: '科技', en: 'Tech' },
    { zh: '信息技术', en: 'Information Technology' },
    { zh: '智能科技', en: 'Intelligent Technology' },
    { zh: '网络科技', en: 'Network Technology' },
  ],
  domains: [
    'autonomous driving',
    'intelligent cockpit',
    'vehicle software and OS',
    'V2X and vehicle-road network',
  ],
  weight: 320,
};

const autoParts: FirmLine = {
  sector: 'auto-parts',
  position: 'upstream',
  capabilities: [
    'motor control',
    'thermal management',
    'wiring harness',
    'chassis components',
    'lightweight body parts',
    'vehicle sensors',
  ],
  advancedCapabilities: [],
  parts: [
    'motor controller',
    'thermal management module',
    'high-voltage wiring harness',
    'suspension parts',
    'aluminium body parts',
    'millimetre-wave radar module',
    'seat and interior modules',
  ],
  words: [
    { zh: '精密', en: 'Precision' },
    { zh: '电控', en: 'E-Control' },
    { zh: '热管理', en: 'Thermal' },
    { zh: '线束', en: 'Harness' },
    { zh: '底盘', en: 'Chassis' },
    { zh: '传感', en: 'Sensing' },
    { zh: '轻量化', en: 'Lightweight' },
  ],
  suffixes: [
    { zh: '汽车零部件', en: 'Auto Components' },
    { zh: '机电', en: 'Electromechanical' },
    { zh: '汽配制造', en: 'Auto Parts Manufacturing' },
  ],
  domains: ['electric drive and motor control', 'vehicle manufacturing'],
  weight: 24,
};

const powerBattery: FirmLine = {
  sector: 'power-battery',
  position: 'upstream',
  capabilities: [
    'battery cells',
    'battery pack integration',
    'power battery management',
    'battery recycling',
  ],
  advancedCapabilities: [],
  parts: ['battery cells', 'battery pack', 'battery management unit', 'cathode materials'],
  words: [
    { zh: '锂电', en: 'Lithium' },
    { zh: '储能', en: 'Energy Storage' },
    { zh: '电芯', en: 'Cell' },
    { zh: '新能', en: 'New Power' },
  ],
  suffixes: [
    { zh: '电池科技', en: 'Battery Tech' },
    { zh: '新材料', en: 'New Materials' },
    { zh: '能源科技', en: 'Energy Tech' },
  ],
  domains: ['power batteries'],
  weight: 11,
};

const chargingServices: FirmLine = {
  sector: 'charging-services',
  position: 'downstream',
  capabilities: ['charging equipment', 'battery swapping', 'energy services'],
  advancedCapabilities: [],
  parts: ['DC fast charger', 'battery swap station'],
  words: [
    { zh: '充电', en: 'Charging' },
    { zh: '换电', en: 'Battery Swap' },
    { zh: '补能', en: 'Recharge' },
  ],
  suffixes: [
    { zh: '能源服务', en: 'Energy Services' },
    { zh: '智慧能源', en: 'Smart Energy' },
  ],
  domains: ['power batteries', 'V2X and vehicle-road network'],
  weight: 5,
};

const industrialSoftware: FirmLine = {
  sector: 'industrial-software',
  position: 'support',
  capabilities: [
    'industrial software',
    'MES and production scheduling',
    'digital twin',
    'industrial IoT platform',
  ],
  advancedCapabilities: [],
  parts: [],
  words: [
    { zh: '智造', en: 'Smart Manufacturing' },
    { zh: '工联', en: 'Industrial Link' },
    { zh: '孪生', en: 'Twin' },
    { zh: '云工', en: 'Cloud Works' },
  ],
  suffixes: [
    { zh: '软件', en: 'Software' },
    { zh: '工业互联网', en: 'Industrial Internet' },
    { zh: '数字科技', en: 'Digital Tech' },
  ],
  domains: ['industrial software', 'industrial robots'],
  weight: 8,
};

const robotics: FirmLine = {
  sector: 'robotics',
  position: 'midstream',
  capabilities: ['servo drives', 'machine vision', 'robot system integration'],
  advancedCapabilities: [],
  parts: ['servo motor', 'industrial camera', 'welding robot cell'],
  words: [
    { zh: '机器人', en: 'Robotics' },
    { zh: '视觉', en: 'Vision' },
    { zh: '伺服', en: 'Servo' },
    { zh: '自动化', en: 'Automation' },
  ],
  suffixes: [
    { zh: '智能装备', en: 'Intelligent Equipment' },
    { zh: '科技', en: 'Tech' },
  ],
  domains: ['industrial robots', 'precision reducers and transmission'],
  weight: 10,
};

const equipmentComponents: FirmLine = {
  sector: 'equipment-components',
  position: 'upstream',
  capabilities: [
    'high-precision castings',
    'bearings and transmission parts',
    'hydraulic components',
    'tooling and fixtures',
  ],
  advancedCapabilities: [],
  parts: ['precision castings', 'bearings', 'hydraulic valves', 'fixtures'],
  words: [
    { zh: '精铸', en: 'Precision Casting' },
    { zh: '传动', en: 'Transmission' },
    { zh: '液压', en: 'Hydraulics' },
    { zh: '模具', en: 'Tooling' },
  ],
  suffixes: [
    { zh: '机械', en: 'Machinery' },
    { zh: '装备制造', en: 'Equipment Manufacturing' },
  ],
  domains: ['precision reducers and transmission', 'CNC machine tools'],
  weight: 12,
};

export const NEV_THEME: ChainTheme = {
  key: 'nev',
  name: { zh: '智能网联新能源汽车产业链', en: 'Intelligent connected new-energy vehicle chain' },
  chainChief: 'vice-mayor in charge of the NEV chain (illustrative)',
  segments: [
    'power batteries',
    'electric drive and motor control',
    'intelligent cockpit',
    'autonomous driving',
    'vehicle software and OS',
    'V2X and vehicle-road network',
    'vehicle manufacturing',
    'charging and energy services',
  ],
  leaderNeeds: [
    'intelligent cockpit',
    SCENARIO_OPTIMISATION,
    'vehicle OS',
    'lidar perception',
    'automotive-grade chips',
    'high-precision maps',
    'V2X communication software',
    'power battery management',
    'motor control',
    'OTA updates',
    'ADAS perception algorithms',
    'battery cells',
    'thermal management',
    'automotive cybersecurity',
    'driving simulation and testing',
  ],
  gapCapabilities: ['vehicle OS', 'lidar perception', 'automotive-grade chips'],
  platformDomains: [
    'vehicle manufacturing',
    'autonomous driving',
    'intelligent cockpit',
    'power batteries',
    'electric drive and motor control',
    'V2X and vehicle-road network',
    'vehicle software and OS',
  ],
  lines: [automotiveSoftware, autoParts, powerBattery, chargingServices],
  leaderNames: [
    { zh: '汽车集团', en: 'Automotive Group' },
    { zh: '新能源汽车', en: 'New Energy Vehicles' },
    { zh: '动力电池', en: 'Power Battery' },
    { zh: '电驱科技集团', en: 'E-Drive Group' },
    { zh: '车路科技集团', en: 'Vehicle-Road Tech Group' },
  ],
};

export const EQUIPMENT_THEME: ChainTheme = {
  key: 'equipment',
  name: { zh: '高端装备产业链', en: 'High-end equipment chain' },
  chainChief: 'vice-mayor in charge of the equipment chain (illustrative)',
  segments: [
    'industrial robots',
    'precision reducers and transmission',
    'CNC machine tools',
    'industrial software',
    'smart manufacturing lines',
  ],
  leaderNeeds: [
    'precision reducers',
    'CNC systems',
    'industrial software',
    'servo drives',
    'machine vision',
    'robot system integration',
    'high-precision castings',
    'digital twin',
  ],
  gapCapabilities: ['precision reducers', 'CNC systems'],
  platformDomains: [
    'industrial robots',
    'precision reducers and transmission',
    'CNC machine tools',
    'industrial software',
  ],
  lines: [industrialSoftware, robotics, equipmentComponents],
  leaderNames: [
    { zh: '精工装备集团', en: 'Precision Equipment Group' },
    { zh: '机床集团', en: 'Machine Tool Group' },
    { zh: '智造机器人', en: 'Smart Robotics' },
  ],
};

export const CHAIN_THEMES: readonly ChainTheme[] = [NEV_THEME, EQUIPMENT_THEME];

/** Endings of generated names of the other kinds, for the synthetic generator. */
export const INSTITUTION_NAMES = {
  Lab: [
    { zh: '工程技术重点实验室', en: 'Engineering Key Lab' },
    { zh: '创新重点实验室', en: 'Innovation Key Lab' },
    { zh: '联合重点实验室', en: 'Joint Key Lab' },
  ],
  PilotBase: [
    { zh: '中试基地', en: 'Pilot Base' },
    { zh: '中试线', en: 'Pilot Line' },
    { zh: '试制基地', en: 'Trial Production Base' },
    { zh: '测试场', en: 'Proving Ground' },
  ],
  SciencePark: [
    { zh: '科技创新产业园', en: 'Science and Technology Park' },
    { zh: '科创园', en: 'Innovation Park' },
    { zh: '产业园', en: 'Industrial Park' },
  ],
  ServiceInstitution: [
    { zh: '产业服务中心', en: 'Industry Service Center' },
    { zh: '技术转移中心', en: 'Technology Transfer Center' },
    { zh: '孵化服务中心', en: 'Incubation Service Center' },
    { zh: '共性技术服务中心', en: 'Common Technology Service Center' },
  ],
  Consortium: [
    { zh: '协同创新联合体', en: 'Innovation Consortium' },
    { zh: '产业创新联合体', en: 'Industry Innovation Consortium' },
  ],
} as const satisfies Record<string, readonly Bilingual[]>;

/** Districts of Chongqing where parks sit (real place names; the parks are made up). */
export const DISTRICTS = [
  'Liangjiang New Area',
  'Western Science City (High-tech Zone)',
  'Yubei District',
  'Bishan District',
  'Yongchuan District',
  'Jiangjin District',
  'Banan District',
  'Jiulongpo District',
  'Shapingba District',
  'Fuling District',
  'Changshou District',
] as const;

/**
 * Place-like syllables for the first two characters of a generated name, each with its pinyin.
 * No two share a pinyin, so distinct Chinese names stay distinct in English.
 */
export const NAME_SYLLABLES: readonly Bilingual[] = [
  { zh: '渝', en: 'yu' },
  { zh: '江', en: 'jiang' },
  { zh: '巴', en: 'ba' },
  { zh: '嘉', en: 'jia' },
  { zh: '陵', en: 'ling' },
  { zh: '山', en: 'shan' },
  { zh: '城', en: 'cheng' },
  { zh: '峡', en: 'xia' },
  { zh: '川', en: 'chuan' },
  { zh: '星', en: 'xing' },
  { zh: '芯', en: 'xin' },
  { zh: '智', en: 'zhi' },
  { zh: '联', en: 'lian' },
  { zh: '驰', en: 'chi' },
  { zh: '锐', en: 'rui' },
  { zh: '航', en: 'hang' },
  { zh: '途', en: 'tu' },
  { zh: '晟', en: 'sheng' },
  { zh: '源', en: 'yuan' },
  { zh: '拓', en: 'tuo' },
  { zh: '弘', en: 'hong' },
  { zh: '启', en: 'qi' },
  { zh: '融', en: 'rong' },
  { zh: '创', en: 'chuang' },
  { zh: '博', en: 'bo' },
  { zh: '泰', en: 'tai' },
  { zh: '恒', en: 'heng' },
  { zh: '达', en: 'da' },
  { zh: '辰', en: 'chen' },
  { zh: '朗', en: 'lang' },
  { zh: '璟', en: 'jing' },
  { zh: '云', en: 'yun' },
  { zh: '峰', en: 'feng' },
  { zh: '澜', en: 'lan' },
  { zh: '合', en: 'he' },
  { zh: '桥', en: 'qiao' },
  { zh: '鼎', en: 'ding' },
  { zh: '明', en: 'ming' },
  { zh: '安', en: 'an' },
  { zh: '坤', en: 'kun' },
];

/** The line of business of a theme by its sector name. */
export function lineOf(theme: ChainTheme, sector: string): FirmLine {
  const line = theme.lines.find((candidate) => candidate.sector === sector);
  if (line === undefined) throw new Error(`vocabulary: the ${theme.key} chain has no '${sector}' line`);
  return line;
}
