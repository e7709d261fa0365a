import type { analyticsZh } from './analytics.zh-CN';
import type { assessmentErrorsZh, assessmentZh } from './assessment.zh-CN';
import type { ledgerZh } from './ledger.zh-CN';
import type { participationZh } from './participation.zh-CN';
import type { supervisionZh } from './supervision.zh-CN';
import type { surveyZh } from './survey.zh-CN';
import type { workZh } from './work.zh-CN';

/** Chinese is the default language: most users work on Chinese screens. */
export const zhCN = {
  app: {
    name: '文明创建管理平台',
    shortName: '文明创建管理平台',
    console: '管理端',
    portal: '单位端',
  },
  common: {
    loading: '正在加载…',
    retry: '重试',
    back: '返回',
    cancel: '取消',
    save: '保存',
    create: '创建',
    edit: '编辑',
    search: '搜索',
    reset: '清除筛选',
    none: '—',
    prevPage: '上一页',
    nextPage: '下一页',
    pageNo: '第 {{page}} 页',
    reload: '重新加载',
    hidden: '无权查看',
    saved: '已保存',
    created: '已创建',
    required: '必填',
  },
  shell: {
    menu: '菜单',
    collapse: '收起菜单',
    expand: '展开菜单',
    logout: '退出登录',
    loggedOut: '已退出登录',
    language: '语言',
    switchTo: 'English',
    switchToShort: 'EN',
    notFoundTitle: '页面不存在',
    notFoundHint: '您访问的地址不存在，请从左侧菜单进入。',
    goHome: '回到首页',
    crashTitle: '页面出错了',
    crashHint: '请刷新页面重试；如果问题持续，请联系系统管理员。',
    notifications: '通知',
    notificationsUnread_one: '通知：{{count}} 条未读',
    notificationsUnread_other: '通知：{{count}} 条未读',
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    hint: '请使用文明办或本单位分配的账号登录',
  },
  states: {
    loadFailed: '加载失败',
    empty: '暂无数据',
  },
  nav: {
    units: '单位名录',
    users: '用户管理',
    myUnit: '本单位',
    campaigns: '创建工作',
    frameworks: '测评体系',
    publication: '体系发布',
    campaign: '创建工作',
    leadingGroup: '领导小组',
    plans: '创建规划',
    tasks: '任务分解',
    ledger: '创建台账',
    surveys: '满意度测评',
    analytics: '统计分析',
    participation: '员工参与',
    inspections: '督查检查',
    rectifications: '整改督办',
    myRectifications: '整改任务',
    unitInspections: '督查记录',
    bulletins: '通报',
    reports: '工作报告',
    notices: '公示',
    assessment: '测评与命名',
    statusRegister: '文明单位名录',
    selfAssessment: '自评与结果',
    myStatus: '称号状态',
  },
  level: {
    none: '暂无称号',
    county: '县/区级',
    city: '市级',
    city_model: '市级文明标兵',
    provincial: '省级',
    national: '全国',
  },
  unitType: {
    community: '社区',
    school: '学校',
    agency: '机关',
    hospital: '医院',
    enterprise: '企业',
    village: '村',
    other: '其他',
  },
  statusAction: {
    initial: '初始登记',
    conferral: '命名',
    renewal: '复查通过',
    retain: '复查保留',
    yellow_card: '黄牌警告',
    restore: '恢复',
    suspension: '暂停',
    revocation: '撤销',
    lapse: '自动终止',
  },
  role: {
    office_admin: '文明办管理员',
    office_inspector: '文明办督查员',
    analyst: '分析人员',
    unit_admin: '单位创建办管理员',
    unit_department_head: '科室负责人',
    unit_member: '单位职工',
  },
  officeLevel: {
    province: '省',
    city: '市',
    district: '区/县',
  },
  phase: {
    draft: '草稿',
    mobilization: '宣传发动',
    implementation: '全面实施',
    consolidation: '总结整理',
    submitted: '已申报',
    under_assessment: '测评中',
    decided: '已决定',
    withdrawn: '已撤回',
  },
  campaignKind: {
    renewal: '再创（复查）',
    upgrade: '升级创建',
  },
  guard: {
    NEEDS_LEADING_GROUP: '成立领导小组（至少一名组长）',
    NEEDS_PLAN: '制定创建规划',
    NEEDS_IMPLEMENTATION_PLAN: '制定实施方案',
    NEEDS_TASKS: '分解创建任务',
    REQUIRED_TASKS_OPEN: '完成全部必办任务',
    CONFIRMED_VETO: '消除已确认的一票否决事项',
  },
  leadingRole: {
    leader: '组长',
    deputy: '副组长',
    member: '成员',
    contact: '联络员',
  },
  taskStatus: {
    todo: '未开始',
    in_progress: '进行中',
    done: '已完成',
  },
  validation: {
    required: '此项必填',
    tooShort: '至少 {{min}} 个字符',
    tooLong: '最多 {{max}} 个字符',
    tooMany: '最多 {{max}} 项',
    format: '格式不正确',
    invalidChars: '包含不允许的字符',
    invalid: '内容无效',
    unitCode: '只能使用字母、数字、- 和 _，以字母或数字开头',
    phone: '只能包含数字、空格和 + - ( )',
    username: '只能使用小写字母、数字和 . _ -，以字母或数字开头',
  },
  errors: {
    FILE_TOO_LARGE: '文件太大，超过了允许的大小',
    FILE_EMPTY: '文件是空的',
    FILE_TYPE_REFUSED: '不支持这种文件：可上传照片、PDF、Office 文档、音视频和文本',
    EVIDENCE_RETRACTED: '该材料已撤回，不能再修改；请重新上传一份',
    SURVEY_NOT_FOUND: '链接无效：找不到这份测评',
    SURVEY_CLOSED: '这份测评当前未开放',
    ALREADY_ANSWERED: '您已经填写过这份测评，感谢参与',
    RATE_LIMITED: '提交过于频繁，请稍后再试',
    BAD_REQUEST: '提交的内容有误，请检查后重试',
    VALIDATION_FAILED: '填写的内容有误，请检查标红的字段',
    UNAUTHORIZED: '请先登录',
    INVALID_CREDENTIALS: '用户名或密码错误',
    SESSION_EXPIRED: '登录已过期，请重新登录',
    FORBIDDEN: '您没有权限执行此操作',
    CROSS_ORIGIN_REFUSED: '请求被拒绝，请刷新页面后重试',
    NOT_FOUND: '记录不存在，或不在您的管辖范围内',
    CONFLICT: '与已有记录冲突，请刷新后重试',
    STALE_VERSION: '该记录已被他人修改，请重新加载后再保存',
    UNIT_CODE_TAKEN: '单位编码 {{code}} 已被使用，请换一个',
    USERNAME_TAKEN: '该用户名已被使用，请换一个',
    DEPARTMENT_NOT_IN_UNIT: '所选科室不属于该单位',
    OFFICE_OUT_OF_SCOPE: '所选文明办不在您的管辖范围内',
    ROLE_SCOPE_MISMATCH: '角色与范围不匹配：文明办角色须选择文明办，单位角色须选择单位',
    PAYLOAD_TOO_LARGE: '提交的内容过大',
    LOGIN_THROTTLED: '登录失败次数过多，请 {{minutes}} 分钟后再试',
    TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
    INTERNAL: '服务器出错了，请稍后重试',
    INTERNAL_SERVER_ERROR: '服务器出错了，请稍后重试',
    NETWORK: '无法连接服务器，请检查网络后重试',
    FRAMEWORK_INVALID: '测评体系文件有误，未导入任何内容',
    FRAMEWORK_EXISTS: '测评体系 {{code}} 已存在且内容不同，可作为新版本导入',
    FRAMEWORK_NOT_PUBLISHED: '文明办还没有发布适用的测评体系',
    CAMPAIGN_NOT_OPENABLE: '不能开启这一创建周期',
    CAMPAIGN_ALREADY_OPEN: '本单位已有进行中的创建工作',
    ILLEGAL_TRANSITION: '当前阶段不能进行这一步，页面已刷新',
    TRANSITION_BLOCKED: '条件还不满足，暂时不能进行这一步',
    COMMENT_REQUIRED: '请填写说明',
    INDICATOR_NOT_IN_FRAMEWORK: '所选指标不属于本次创建使用的测评体系',
    CAMPAIGN_CLOSED: '本轮创建已结束，不能再修改',
  },
};

/**
 * The survey and ledger pages' strings arrive with those pages (`loadSurveyStrings`,
 * `loadLedgerStrings`), not with the first load; English carries them in its own lazily
 * loaded bundle as usual.
 */
type AllStrings = typeof zhCN &
  typeof workZh & {
    survey: typeof surveyZh;
    ledger: typeof ledgerZh;
    analytics: typeof analyticsZh;
    participation: typeof participationZh;
    supervision: typeof supervisionZh;
    assessment: typeof assessmentZh;
    /** Assessment error codes arrive with the assessment pages (`loadAssessmentStrings`). */
    errors: typeof assessmentErrorsZh;
  };

/** Every language must translate every key: the compiler checks the others against this shape. */
export type Resources = { [K in keyof AllStrings]: { [L in keyof AllStrings[K]]: string } };
