/**
 * The hand-named core of the illustrative Chongqing seed: two chains, their chain leaders, labs,
 * pilot bases, funds, parks, service institutions and consortia, and the ties declared one by
 * one (who operates, leads, backs, pairs with whom). Every name is made up; the shape follows the
 * 2026 interview (closed SOE platforms, parks without a service partner, capabilities no local
 * firm supplies). The long tail of private firms is generated in `firms.ts`.
 */
import type { Bilingual, EntityKind } from '@innograph/model';
import type { Actor, CoreTies, Ecosystem, EntityOf } from '../ecosystem.js';
import { dayOf } from '../ties.js';
import { type ChainPosition, EQUIPMENT_THEME, NEV_THEME } from '../vocabulary.js';

export const NEV = 'chain-nev';
export const EQUIPMENT = 'chain-equipment';

interface Placement {
  chains: readonly string[];
  position?: ChainPosition;
  /** ISO date it joined the ecosystem. */
  entered: string;
  park?: string;
}

function actor<K extends EntityKind>(entity: EntityOf<K>, placement: Placement): Actor<K> {
  const { chains, position, entered, park } = placement;
  return {
    entity,
    chains,
    entered: dayOf(entered),
    ...(position === undefined ? {} : { position }),
    ...(park === undefined ? {} : { park }),
  };
}

function name(zh: string, en: string): Bilingual {
  return { zh, en };
}

const chains = (): Actor<'IndustryChain'>[] =>
  [NEV_THEME, EQUIPMENT_THEME].map((theme) =>
    actor<'IndustryChain'>(
      {
        id: theme.key === 'nev' ? NEV : EQUIPMENT,
        kind: 'IndustryChain',
        name: { ...theme.name },
        attributes: { chainChief: theme.chainChief, segments: [...theme.segments] },
      },
      { chains: [], entered: '2018-01-01' },
    ),
  );

function chainLeader(
  id: string,
  bilingual: Bilingual,
  attributes: EntityOf<'ChainLeader'>['attributes'],
  placement: Placement,
): Actor<'ChainLeader'> {
  return actor<'ChainLeader'>({ id, kind: 'ChainLeader', name: bilingual, attributes }, placement);
}

const leaders = (): Actor<'ChainLeader'>[] => [
  chainLeader(
    'cl-yujiang-auto',
    name('渝江汽车集团', 'Yujiang Automotive Group'),
    {
      ownership: 'state',
      sector: 'vehicle manufacturing',
      revenueBand: 'over1b',
      capabilitiesNeeded: [
        'intelligent cockpit',
        'autonomous-driving scenario optimisation',
        'vehicle OS',
        'high-precision maps',
        'OTA updates',
        'automotive cybersecurity',
      ],
    },
    { chains: [NEV], position: 'midstream', entered: '2018-01-01', park: 'park-liangjiang-icv' },
  ),
  chainLeader(
    'cl-shancheng-nev',
    name('山城新能源汽车', 'Shancheng New Energy Vehicles'),
    {
      ownership: 'state',
      sector: 'vehicle manufacturing',
      revenueBand: 'over1b',
      capabilitiesNeeded: [
        'intelligent cockpit',
        'lidar perception',
        'ADAS perception algorithms',
        'thermal management',
        'motor control',
        'driving simulation and testing',
      ],
    },
    { chains: [NEV], position: 'midstream', entered: '2018-01-01' },
  ),
  chainLeader(
    'cl-bayu-battery',
    name('巴渝动力电池', 'Bayu Power Battery'),
    {
      ownership: 'state',
      sector: 'power batteries',
      revenueBand: 'over1b',
      capabilitiesNeeded: [
        'power battery management',
        'battery cells',
        'thermal management',
        'automotive-grade chips',
      ],
    },
    { chains: [NEV], position: 'upstream', entered: '2018-01-01', park: 'park-bishan-components' },
  ),
  chainLeader(
    'cl-liangjiang-zhixing',
    name('两江智行汽车科技', 'Liangjiang Zhixing Auto Tech'),
    {
      ownership: 'mixed',
      sector: 'autonomous driving',
      revenueBand: '100m-1b',
      capabilitiesNeeded: [
        'autonomous-driving scenario optimisation',
        'lidar perception',
        'high-precision maps',
        'ADAS perception algorithms',
        'driving simulation and testing',
        'vehicle OS',
      ],
    },
    { chains: [NEV], position: 'midstream', entered: '2019-06-01', park: 'park-liangjiang-icv' },
  ),
  chainLeader(
    'cl-jinyun-edrive',
    name('缙云电驱科技集团', 'Jinyun E-Drive Group'),
    {
      ownership: 'state',
      sector: 'electric drive',
      revenueBand: 'over1b',
      capabilitiesNeeded: ['motor control', 'automotive-grade chips', 'thermal management'],
    },
    { chains: [NEV], position: 'upstream', entered: '2018-01-01' },
  ),
  chainLeader(
    'cl-yulian-v2x',
    name('渝联车路科技集团', 'Yulian Vehicle-Road Tech Group'),
    {
      ownership: 'state',
      sector: 'vehicle-road network',
      revenueBand: '100m-1b',
      capabilitiesNeeded: [
        'V2X communication software',
        'high-precision maps',
        'automotive cybersecurity',
        'vehicle data platform',
      ],
    },
    { chains: [NEV], position: 'support', entered: '2020-03-01', park: 'park-sciencecity-v2x' },
  ),
  chainLeader(
    'cl-yuzhou-precision',
    name('渝州精工装备集团', 'Yuzhou Precision Equipment Group'),
    {
      ownership: 'state',
      sector: 'machine tools',
      revenueBand: 'over1b',
      capabilitiesNeeded: [
        'precision reducers',
        'CNC systems',
        'high-precision castings',
        'industrial software',
      ],
    },
    { chains: [EQUIPMENT], position: 'midstream', entered: '2018-01-01', park: 'park-jiangjin-equipment' },
  ),
  chainLeader(
    'cl-gele-machine',
    name('歌乐机床集团', 'Gele Machine Tool Group'),
    {
      ownership: 'state',
      sector: 'machine tools',
      revenueBand: 'over1b',
      capabilitiesNeeded: ['CNC systems', 'servo drives', 'machine vision', 'digital twin'],
    },
    { chains: [EQUIPMENT], position: 'midstream', entered: '2018-01-01' },
  ),
  chainLeader(
    'cl-xiling-robotics',
    name('西岭智造机器人', 'Xiling Smart Robotics'),
    {
      ownership: 'state',
      sector: 'industrial robots',
      revenueBand: '100m-1b',
      capabilitiesNeeded: [
        'precision reducers',
        'servo drives',
        'machine vision',
        'robot system integration',
      ],
    },
    { chains: [EQUIPMENT], position: 'midstream', entered: '2019-01-01', park: 'park-sciencecity-smart' },
  ),
];

function lab(
  id: string,
  bilingual: Bilingual,
  attributes: EntityOf<'Lab'>['attributes'],
  placement: Placement,
): Actor<'Lab'> {
  return actor<'Lab'>(
    { id, kind: 'Lab', name: bilingual, attributes },
    { position: 'support', ...placement },
  );
}

function soeLab(
  openness: EntityOf<'Lab'>['attributes']['openness'],
  domains: string[],
  ownership: 'state' | 'mixed' = 'state',
): EntityOf<'Lab'>['attributes'] {
  return { ownerType: 'soe', ownership, openness, domains };
}

const labs = (): Actor<'Lab'>[] => [
  lab(
    'lab-yujiang-cockpit',
    name('渝江汽车智能座舱重点实验室', 'Yujiang Automotive Key Lab of Intelligent Cockpit'),
    soeLab('closed', ['intelligent cockpit', 'vehicle software and OS']),
    { chains: [NEV], entered: '2019-03-01', park: 'park-liangjiang-icv' },
  ),
  lab(
    'lab-yujiang-autodrive',
    name('渝江汽车自动驾驶重点实验室', 'Yujiang Automotive Key Lab of Autonomous Driving'),
    soeLab('partial', ['autonomous driving']),
    { chains: [NEV], entered: '2020-05-01', park: 'park-liangjiang-icv' },
  ),
  lab(
    'lab-shancheng-safety',
    name('山城新能源整车安全重点实验室', 'Shancheng NEV Key Lab of Vehicle Safety'),
    soeLab('closed', ['vehicle manufacturing']),
    { chains: [NEV], entered: '2018-09-01' },
  ),
  lab(
    'lab-bayu-battery',
    name('巴渝动力电池材料与安全重点实验室', 'Bayu Key Lab of Battery Materials and Safety'),
    soeLab('open', ['power batteries']),
    { chains: [NEV], entered: '2019-11-01', park: 'park-bishan-components' },
  ),
  lab(
    'lab-zhixing-scenario',
    name('两江智行驾驶场景重点实验室', 'Liangjiang Zhixing Key Lab of Driving Scenarios'),
    soeLab('open', ['autonomous driving'], 'mixed'),
    { chains: [NEV], entered: '2021-04-01', park: 'park-liangjiang-icv' },
  ),
  lab(
    'lab-jinyun-motor',
    name('缙云电驱电机控制重点实验室', 'Jinyun Key Lab of Motor Control'),
    soeLab('partial', ['electric drive and motor control']),
    { chains: [NEV], entered: '2020-01-01' },
  ),
  lab(
    'lab-yulian-v2x',
    name('渝联车路协同重点实验室', 'Yulian Key Lab of Vehicle-Road Cooperation'),
    soeLab('partial', ['V2X and vehicle-road network']),
    { chains: [NEV], entered: '2021-09-01', park: 'park-sciencecity-v2x' },
  ),
  lab(
    'lab-yuzhou-transmission',
    name('渝州精工精密传动重点实验室', 'Yuzhou Key Lab of Precision Transmission'),
    soeLab('closed', ['precision reducers and transmission']),
    { chains: [EQUIPMENT], entered: '2019-06-01', park: 'park-jiangjin-equipment' },
  ),
  lab(
    'lab-gele-cnc',
    name('歌乐机床数控系统重点实验室', 'Gele Key Lab of CNC Systems'),
    soeLab('closed', ['CNC machine tools']),
    { chains: [EQUIPMENT], entered: '2020-08-01' },
  ),
  lab(
    'lab-yuxi-university-vehicle',
    name('渝西大学汽车工程重点实验室', 'Yuxi University Key Lab of Vehicle Engineering'),
    {
      ownerType: 'university',
      ownership: 'public',
      openness: 'open',
      domains: ['vehicle software and OS', 'electric drive and motor control'],
    },
    { chains: [NEV], entered: '2018-03-01', park: 'park-sciencecity-v2x' },
  ),
  lab(
    'lab-jiazhou-university-manufacturing',
    name('嘉州理工大学智能制造重点实验室', 'Jiazhou University of Technology Key Lab of Smart Manufacturing'),
    {
      ownerType: 'university',
      ownership: 'public',
      openness: 'partial',
      domains: ['industrial robots', 'industrial software'],
    },
    { chains: [EQUIPMENT], entered: '2018-06-01', park: 'park-sciencecity-smart' },
  ),
  lab(
    'lab-western-software-institute',
    name('西部汽车软件研究院基础软件实验室', 'Western Automotive Software Institute Base Software Lab'),
    { ownerType: 'institute', ownership: 'public', openness: 'open', domains: ['vehicle software and OS'] },
    { chains: [NEV], entered: '2022-02-01', park: 'park-liangjiang-software' },
  ),
];

function pilotBase(
  id: string,
  bilingual: Bilingual,
  attributes: EntityOf<'PilotBase'>['attributes'],
  placement: Placement,
): Actor<'PilotBase'> {
  return actor<'PilotBase'>(
    { id, kind: 'PilotBase', name: bilingual, attributes },
    { position: 'support', ...placement },
  );
}

const pilotBases = (): Actor<'PilotBase'>[] => [
  pilotBase(
    'pb-yujiang-vehicle',
    name('渝江汽车整车中试基地', 'Yujiang Automotive Vehicle Pilot Base'),
    {
      ownerType: 'soe',
      ownership: 'state',
      openness: 'partial',
      domains: ['vehicle manufacturing'],
      capacity: 40,
    },
    { chains: [NEV], entered: '2019-08-01', park: 'park-liangjiang-icv' },
  ),
  pilotBase(
    'pb-shancheng-trial',
    name('山城新能源整车试制基地', 'Shancheng NEV Trial Production Base'),
    {
      ownerType: 'soe',
      ownership: 'state',
      openness: 'closed',
      domains: ['vehicle manufacturing'],
      capacity: 30,
    },
    { chains: [NEV], entered: '2020-04-01' },
  ),
  pilotBase(
    'pb-bayu-cell-line',
    name('巴渝电芯中试线', 'Bayu Battery Cell Pilot Line'),
    { ownerType: 'soe', ownership: 'state', openness: 'open', domains: ['power batteries'], capacity: 60 },
    { chains: [NEV], entered: '2021-03-01', park: 'park-bishan-components' },
  ),
  pilotBase(
    'pb-jinyun-edrive',
    name('缙云电驱系统中试基地', 'Jinyun E-Drive Pilot Base'),
    {
      ownerType: 'soe',
      ownership: 'state',
      openness: 'closed',
      domains: ['electric drive and motor control'],
      capacity: 25,
    },
    { chains: [NEV], entered: '2020-10-01' },
  ),
  pilotBase(
    'pb-yulian-proving-ground',
    name('渝联车路协同测试场', 'Yulian Vehicle-Road Proving Ground'),
    {
      ownerType: 'soe',
      ownership: 'state',
      openness: 'open',
      domains: ['V2X and vehicle-road network', 'autonomous driving'],
      capacity: 120,
    },
    { chains: [NEV], entered: '2022-06-01', park: 'park-sciencecity-v2x' },
  ),
  pilotBase(
    'pb-yuzhou-reducer',
    name('渝州精工减速器中试基地', 'Yuzhou Reducer Pilot Base'),
    {
      ownerType: 'soe',
      ownership: 'state',
      openness: 'closed',
      domains: ['precision reducers and transmission'],
      capacity: 20,
    },
    { chains: [EQUIPMENT], entered: '2021-01-01', park: 'park-jiangjin-equipment' },
  ),
  pilotBase(
    'pb-gele-machining',
    name('歌乐机床精密加工中试基地', 'Gele Precision Machining Pilot Base'),
    {
      ownerType: 'soe',
      ownership: 'state',
      openness: 'partial',
      domains: ['CNC machine tools'],
      capacity: 35,
    },
    { chains: [EQUIPMENT], entered: '2022-03-01' },
  ),
  pilotBase(
    'pb-sciencecity-public',
    name('科学城公共中试平台', 'Science City Public Pilot Platform'),
    {
      ownerType: 'government',
      ownership: 'public',
      openness: 'open',
      domains: ['autonomous driving', 'industrial robots'],
      capacity: 80,
    },
    { chains: [NEV, EQUIPMENT], entered: '2023-05-01', park: 'park-sciencecity-smart' },
  ),
];

function fund(
  id: string,
  bilingual: Bilingual,
  attributes: EntityOf<'Fund'>['attributes'],
  placement: Placement,
): Actor<'Fund'> {
  return actor<'Fund'>(
    { id, kind: 'Fund', name: bilingual, attributes },
    { position: 'support', ...placement },
  );
}

const funds = (): Actor<'Fund'>[] => [
  fund(
    'fund-liangjiang-guidance',
    name('两江产业发展引导基金', 'Liangjiang Industry Development Guidance Fund'),
    {
      fundType: 'government-guided',
      ownership: 'public',
      stageFocus: ['growth', 'mature'],
      sizeBand: 'over200m',
      patientCapital: true,
    },
    { chains: [NEV, EQUIPMENT], entered: '2018-06-01' },
  ),
  fund(
    'fund-icv-guidance',
    name('智能网联汽车产业引导基金', 'Intelligent Connected Vehicle Guidance Fund'),
    {
      fundType: 'government-guided',
      ownership: 'public',
      stageFocus: ['early', 'growth'],
      sizeBand: 'over200m',
      patientCapital: true,
    },
    { chains: [NEV], entered: '2021-07-01' },
  ),
  fund(
    'fund-sciencecity-angel',
    name('科学城天使引导基金', 'Science City Angel Guidance Fund'),
    {
      fundType: 'government-guided',
      ownership: 'public',
      stageFocus: ['seed', 'early'],
      sizeBand: '50m-200m',
      patientCapital: true,
    },
    { chains: [NEV, EQUIPMENT], entered: '2020-09-01' },
  ),
  fund(
    'fund-yujiang-mobility',
    name('渝江智慧出行产业基金', 'Yujiang Smart Mobility Fund'),
    {
      fundType: 'soe-participating',
      ownership: 'state',
      stageFocus: ['growth'],
      sizeBand: 'over200m',
      patientCapital: true,
    },
    { chains: [NEV], entered: '2022-01-01' },
  ),
  fund(
    'fund-bayu-new-energy',
    name('巴渝新能源产业链基金', 'Bayu New Energy Chain Fund'),
    {
      fundType: 'soe-participating',
      ownership: 'mixed',
      stageFocus: ['growth', 'mature'],
      sizeBand: 'over200m',
      patientCapital: true,
    },
    { chains: [NEV], entered: '2021-03-01' },
  ),
  fund(
    'fund-equipment-upgrade',
    name('高端装备产业升级基金', 'High-end Equipment Upgrade Fund'),
    {
      fundType: 'soe-participating',
      ownership: 'state',
      stageFocus: ['growth'],
      sizeBand: 'over200m',
      patientCapital: true,
    },
    { chains: [EQUIPMENT], entered: '2023-02-01' },
  ),
  fund(
    'fund-far-shore-ventures',
    name('远岸创投智能汽车基金', 'Far Shore Ventures Smart Auto Fund'),
    {
      fundType: 'social-capital-led',
      ownership: 'private',
      stageFocus: ['early', 'growth'],
      sizeBand: '50m-200m',
      patientCapital: false,
    },
    { chains: [NEV], entered: '2022-09-01' },
  ),
  fund(
    'fund-dujiang-growth',
    name('渡江成长股权基金', 'Dujiang Growth Equity Fund'),
    {
      fundType: 'social-capital-led',
      ownership: 'private',
      stageFocus: ['growth'],
      sizeBand: '50m-200m',
      patientCapital: false,
    },
    { chains: [NEV, EQUIPMENT], entered: '2024-04-01' },
  ),
];

function park(
  id: string,
  bilingual: Bilingual,
  attributes: EntityOf<'SciencePark'>['attributes'],
  placement: Placement,
): Actor<'SciencePark'> {
  return actor<'SciencePark'>(
    { id, kind: 'SciencePark', name: bilingual, attributes },
    { position: 'support', ...placement },
  );
}

const parks = (): Actor<'SciencePark'>[] => [
  park(
    'park-liangjiang-icv',
    name('两江智能网联汽车创新园', 'Liangjiang Intelligent Connected Vehicle Innovation Park'),
    {
      ownership: 'public',
      district: 'Liangjiang New Area',
      level: 'national',
      focus: ['automotive-software', 'autonomous driving', 'vehicle manufacturing'],
    },
    { chains: [NEV], entered: '2018-01-01' },
  ),
  park(
    'park-liangjiang-software',
    name('两江汽车软件园', 'Liangjiang Automotive Software Park'),
    {
      ownership: 'public',
      district: 'Liangjiang New Area',
      level: 'municipal',
      focus: ['automotive-software'],
    },
    { chains: [NEV], entered: '2019-04-01' },
  ),
  park(
    'park-sciencecity-smart',
    name('科学城智能制造产业园', 'Science City Smart Manufacturing Park'),
    {
      ownership: 'public',
      district: 'Western Science City (High-tech Zone)',
      level: 'national',
      focus: ['industrial-software', 'robotics'],
    },
    { chains: [EQUIPMENT, NEV], entered: '2018-01-01' },
  ),
  park(
    'park-sciencecity-v2x',
    name('科学城车路协同示范园', 'Science City Vehicle-Road Cooperation Park'),
    {
      ownership: 'public',
      district: 'Western Science City (High-tech Zone)',
      level: 'municipal',
      focus: ['automotive-software', 'charging-services'],
    },
    { chains: [NEV], entered: '2020-01-01' },
  ),
  park(
    'park-bishan-components',
    name('璧山新能源汽车零部件园', 'Bishan NEV Components Park'),
    {
      ownership: 'public',
      district: 'Bishan District',
      level: 'municipal',
      focus: ['auto-parts', 'power-battery'],
    },
    { chains: [NEV], entered: '2018-01-01' },
  ),
  park(
    'park-yongchuan-autodrive',
    name('永川自动驾驶科创园', 'Yongchuan Autonomous Driving Innovation Park'),
    {
      ownership: 'public',
      district: 'Yongchuan District',
      level: 'district',
      focus: ['automotive-software'],
    },
    { chains: [NEV], entered: '2021-06-01' },
  ),
  park(
    'park-jiangjin-equipment',
    name('江津高端装备产业园', 'Jiangjin High-end Equipment Park'),
    {
      ownership: 'public',
      district: 'Jiangjin District',
      level: 'municipal',
      focus: ['equipment-components', 'robotics'],
    },
    { chains: [EQUIPMENT], entered: '2018-01-01' },
  ),
  park(
    'park-yubei-incubator',
    name('渝北数字创意孵化园', 'Yubei Digital Incubation Park'),
    {
      ownership: 'public',
      district: 'Yubei District',
      level: 'district',
      focus: ['automotive-software', 'industrial-software'],
    },
    { chains: [NEV, EQUIPMENT], entered: '2020-06-01' },
  ),
];

function service(
  id: string,
  bilingual: Bilingual,
  attributes: EntityOf<'ServiceInstitution'>['attributes'],
  placement: Placement,
): Actor<'ServiceInstitution'> {
  return actor<'ServiceInstitution'>(
    { id, kind: 'ServiceInstitution', name: bilingual, attributes },
    { position: 'support', ...placement },
  );
}

const services = (): Actor<'ServiceInstitution'>[] => [
  service(
    'si-liangjiang-attraction',
    name('两江产业招商服务中心', 'Liangjiang Industry Attraction Service Center'),
    { ownership: 'public', serviceAreas: ['resource-attraction', 'market-integration'] },
    { chains: [NEV], entered: '2018-04-01', park: 'park-liangjiang-icv' },
  ),
  service(
    'si-icv-common-tech',
    name('渝西智能网联共性技术服务中心', 'Yuxi ICV Common Technology Service Center'),
    { ownership: 'public', serviceAreas: ['common-tech-rd'] },
    { chains: [NEV], entered: '2019-09-01', park: 'park-sciencecity-v2x' },
  ),
  service(
    'si-yuchuang-incubation',
    name('渝创科技企业孵化服务中心', 'Yuchuang Tech Incubation Service Center'),
    { ownership: 'mixed', serviceAreas: ['incubation'] },
    { chains: [NEV, EQUIPMENT], entered: '2020-07-01', park: 'park-yubei-incubator' },
  ),
  service(
    'si-auto-software-alliance',
    name('渝汽软件产业服务联盟', 'Yuqi Automotive Software Industry Service Alliance'),
    { ownership: 'private', serviceAreas: ['market-integration', 'common-tech-rd'] },
    { chains: [NEV], entered: '2021-02-01', park: 'park-liangjiang-software' },
  ),
  service(
    'si-vehicle-testing',
    name('渝西汽车检测认证中心', 'Yuxi Vehicle Testing and Certification Center'),
    { ownership: 'state', serviceAreas: ['common-tech-rd'] },
    { chains: [NEV], entered: '2018-01-01' },
  ),
  service(
    'si-tech-transfer',
    name('科学城技术转移中心', 'Science City Technology Transfer Center'),
    { ownership: 'public', serviceAreas: ['resource-attraction', 'incubation'] },
    { chains: [NEV, EQUIPMENT], entered: '2019-05-01', park: 'park-sciencecity-smart' },
  ),
  service(
    'si-jiangjin-equipment',
    name('江津装备产业服务中心', 'Jiangjin Equipment Industry Service Center'),
    { ownership: 'public', serviceAreas: ['resource-attraction', 'market-integration'] },
    { chains: [EQUIPMENT], entered: '2018-10-01', park: 'park-jiangjin-equipment' },
  ),
  service(
    'si-industrial-internet',
    name('两江工业互联网赋能中心', 'Liangjiang Industrial Internet Enablement Center'),
    { ownership: 'mixed', serviceAreas: ['common-tech-rd', 'market-integration'] },
    { chains: [EQUIPMENT], entered: '2022-04-01', park: 'park-sciencecity-smart' },
  ),
  service(
    'si-yubei-finance-ip',
    name('渝北科创金融与知识产权服务中心', 'Yubei Innovation Finance and IP Service Center'),
    { ownership: 'public', serviceAreas: ['resource-attraction', 'market-integration'] },
    { chains: [NEV, EQUIPMENT], entered: '2023-03-01', park: 'park-yubei-incubator' },
  ),
  service(
    'si-bishan-parts-association',
    name('璧山汽车零部件产业促进会', 'Bishan Auto Parts Industry Promotion Association'),
    { ownership: 'private', serviceAreas: ['market-integration', 'incubation'] },
    { chains: [NEV], entered: '2024-05-01' },
  ),
];

function consortium(
  id: string,
  bilingual: Bilingual,
  focus: string[],
  placement: Placement,
): Actor<'Consortium'> {
  return actor<'Consortium'>(
    { id, kind: 'Consortium', name: bilingual, attributes: { focus } },
    { position: 'support', ...placement },
  );
}

const consortia = (): Actor<'Consortium'>[] => [
  consortium(
    'cons-intelligent-cockpit',
    name('智能座舱创新联合体', 'Intelligent Cockpit Innovation Consortium'),
    ['intelligent cockpit', 'vehicle OS'],
    { chains: [NEV], entered: '2021-05-01' },
  ),
  consortium(
    'cons-driving-scenarios',
    name('自动驾驶场景创新联合体', 'Autonomous Driving Scenario Consortium'),
    ['autonomous-driving scenario optimisation', 'high-precision maps'],
    { chains: [NEV], entered: '2022-08-01' },
  ),
  consortium(
    'cons-power-battery',
    name('动力电池创新联合体', 'Power Battery Innovation Consortium'),
    ['power battery management', 'battery cells'],
    { chains: [NEV], entered: '2020-10-01' },
  ),
  consortium(
    'cons-vehicle-road',
    name('车路协同创新联合体', 'Vehicle-Road Cooperation Consortium'),
    ['V2X communication software', 'vehicle data platform'],
    { chains: [NEV], entered: '2023-06-01' },
  ),
  consortium(
    'cons-precision-transmission',
    name('精密传动创新联合体', 'Precision Transmission Consortium'),
    ['precision reducers', 'CNC systems'],
    { chains: [EQUIPMENT], entered: '2022-11-01' },
  ),
];

/**
 * The declared ties. Three parks have no active service partner: Bishan (planned only),
 * Jiangjin (ended) and Yongchuan (none at all). Xiling Smart Robotics runs no platform.
 */
const coreTies = (): CoreTies => ({
  operates: [
    { leader: 'cl-yujiang-auto', platform: 'lab-yujiang-cockpit' },
    { leader: 'cl-yujiang-auto', platform: 'lab-yujiang-autodrive' },
    { leader: 'cl-yujiang-auto', platform: 'pb-yujiang-vehicle' },
    { leader: 'cl-shancheng-nev', platform: 'lab-shancheng-safety' },
    { leader: 'cl-shancheng-nev', platform: 'pb-shancheng-trial' },
    { leader: 'cl-bayu-battery', platform: 'lab-bayu-battery' },
    { leader: 'cl-bayu-battery', platform: 'pb-bayu-cell-line' },
    { leader: 'cl-liangjiang-zhixing', platform: 'lab-zhixing-scenario' },
    { leader: 'cl-jinyun-edrive', platform: 'lab-jinyun-motor' },
    { leader: 'cl-jinyun-edrive', platform: 'pb-jinyun-edrive' },
    { leader: 'cl-yulian-v2x', platform: 'lab-yulian-v2x' },
    { leader: 'cl-yulian-v2x', platform: 'pb-yulian-proving-ground' },
    { leader: 'cl-yuzhou-precision', platform: 'lab-yuzhou-transmission' },
    { leader: 'cl-yuzhou-precision', platform: 'pb-yuzhou-reducer' },
    { leader: 'cl-gele-machine', platform: 'lab-gele-cnc' },
    { leader: 'cl-gele-machine', platform: 'pb-gele-machining' },
  ],
  leads: [
    { leader: 'cl-yujiang-auto', consortium: 'cons-intelligent-cockpit' },
    { leader: 'cl-liangjiang-zhixing', consortium: 'cons-driving-scenarios' },
    { leader: 'cl-bayu-battery', consortium: 'cons-power-battery' },
    { leader: 'cl-yulian-v2x', consortium: 'cons-vehicle-road' },
    { leader: 'cl-yuzhou-precision', consortium: 'cons-precision-transmission' },
  ],
  backs: [
    { leader: 'cl-yujiang-auto', fund: 'fund-liangjiang-guidance', role: 'participant' },
    { leader: 'cl-yuzhou-precision', fund: 'fund-liangjiang-guidance', role: 'participant' },
    { leader: 'cl-yulian-v2x', fund: 'fund-icv-guidance', role: 'participant' },
    { leader: 'cl-liangjiang-zhixing', fund: 'fund-icv-guidance', role: 'participant' },
    { leader: 'cl-yujiang-auto', fund: 'fund-yujiang-mobility', role: 'lead' },
    { leader: 'cl-shancheng-nev', fund: 'fund-yujiang-mobility', role: 'participant' },
    { leader: 'cl-bayu-battery', fund: 'fund-bayu-new-energy', role: 'lead' },
    { leader: 'cl-jinyun-edrive', fund: 'fund-bayu-new-energy', role: 'participant' },
    { leader: 'cl-yuzhou-precision', fund: 'fund-equipment-upgrade', role: 'lead' },
    { leader: 'cl-gele-machine', fund: 'fund-equipment-upgrade', role: 'participant' },
    { leader: 'cl-xiling-robotics', fund: 'fund-equipment-upgrade', role: 'participant' },
    { leader: 'cl-liangjiang-zhixing', fund: 'fund-far-shore-ventures', role: 'participant' },
  ],
  servicePairings: [
    {
      service: 'si-liangjiang-attraction',
      park: 'park-liangjiang-icv',
      status: 'active',
      focusAreas: ['resource-attraction', 'market-integration'],
    },
    {
      service: 'si-icv-common-tech',
      park: 'park-liangjiang-icv',
      status: 'active',
      focusAreas: ['common-tech-rd'],
    },
    {
      service: 'si-icv-common-tech',
      park: 'park-sciencecity-v2x',
      status: 'active',
      focusAreas: ['common-tech-rd'],
    },
    {
      service: 'si-vehicle-testing',
      park: 'park-sciencecity-v2x',
      status: 'ended',
      focusAreas: ['common-tech-rd'],
    },
    {
      service: 'si-auto-software-alliance',
      park: 'park-liangjiang-software',
      status: 'active',
      focusAreas: ['market-integration', 'common-tech-rd'],
    },
    {
      service: 'si-yubei-finance-ip',
      park: 'park-liangjiang-software',
      status: 'planned',
      focusAreas: ['market-integration'],
    },
    {
      service: 'si-yuchuang-incubation',
      park: 'park-yubei-incubator',
      status: 'active',
      focusAreas: ['incubation'],
    },
    {
      service: 'si-yubei-finance-ip',
      park: 'park-yubei-incubator',
      status: 'active',
      focusAreas: ['resource-attraction'],
    },
    {
      service: 'si-tech-transfer',
      park: 'park-sciencecity-smart',
      status: 'active',
      focusAreas: ['resource-attraction', 'incubation'],
    },
    {
      service: 'si-industrial-internet',
      park: 'park-sciencecity-smart',
      status: 'active',
      focusAreas: ['common-tech-rd'],
    },
    {
      service: 'si-bishan-parts-association',
      park: 'park-bishan-components',
      status: 'planned',
      focusAreas: ['market-integration'],
    },
    {
      service: 'si-vehicle-testing',
      park: 'park-bishan-components',
      status: 'planned',
      focusAreas: ['common-tech-rd'],
    },
    {
      service: 'si-jiangjin-equipment',
      park: 'park-jiangjin-equipment',
      status: 'ended',
      focusAreas: ['resource-attraction'],
    },
  ],
});

/** The hand-named core, made fresh on every call so that no caller can change another's copy. */
export function seedCatalog(): Omit<Ecosystem, 'firms'> {
  return {
    chains: chains(),
    leaders: leaders(),
    labs: labs(),
    pilotBases: pilotBases(),
    funds: funds(),
    parks: parks(),
    services: services(),
    consortia: consortia(),
    core: coreTies(),
  };
}
