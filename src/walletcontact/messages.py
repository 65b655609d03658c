"""Every people-facing word, in en, zh-Hans and zh-Hant: the reasons (by code), the advice, the
look-alike kinds, and the words and labels of answers and of the command line (``WORDS``)."""

from __future__ import annotations

from collections.abc import Mapping

from .model import locale_chain

REASONS: Mapping[str, Mapping[str, str]] = {
    "OFFICIAL": {
        "en": "{number} is an official {direction} number of {provider} ({confidence}).",
        "zh-Hans": "{number} 是{provider}的官方{direction}号码(可信度:{confidence})。",
        "zh-Hant": "{number} 是{provider}的官方{direction}號碼(可信度:{confidence})。",
    },
    "REPORTED_ONLY": {
        "en": "Independent sources agree on this number, but we found no page of {provider} itself that states it.",
        "zh-Hans": "多个独立来源一致给出此号码,但未在{provider}自己的网站上找到。",
        "zh-Hant": "多個獨立來源一致給出此號碼,但未在{provider}自己的網站上找到。",
    },
    "NOT_LISTED": {
        "en": "{number} is not a published number of {provider}.",
        "zh-Hans": "{number} 不是{provider}公布的号码。",
        "zh-Hant": "{number} 不是{provider}公佈的號碼。",
    },
    "NOT_LISTED_ANY": {
        "en": "{number} is not a published number of any provider we know.",
        "zh-Hans": "{number} 不是我们所知任何机构公布的号码。",
        "zh-Hant": "{number} 不是我們所知任何機構公佈的號碼。",
    },
    "OTHER_PROVIDER": {
        "en": "{number} belongs to {other}, not to {provider}.",
        "zh-Hans": "{number} 属于{other},不属于{provider}。",
        "zh-Hant": "{number} 屬於{other},不屬於{provider}。",
    },
    "AUTHORITY_NUMBER": {
        "en": "{number} is a government anti-fraud line ({other}), not {provider}'s.",
        "zh-Hans": "{number} 是政府反诈热线({other}),不是{provider}的号码。",
        "zh-Hant": "{number} 是政府反詐熱線({other}),不是{provider}的號碼。",
    },
    "WRONG_DIRECTION": {
        "en": "{number} is {provider}'s, but it is used only for {channel_direction} calls.",
        "zh-Hans": "{number} 属于{provider},但只用于{channel_direction}。",
        "zh-Hant": "{number} 屬於{provider},但只用於{channel_direction}。",
    },
    "KNOWN_FAKE": {
        "en": "{number} is recorded as a fake or misattributed number for {provider}.",
        "zh-Hans": "{number} 已被记录为冒充{provider}或被误标的号码。",
        "zh-Hant": "{number} 已被記錄為冒充{provider}或被誤標的號碼。",
    },
    "UNVERIFIED": {
        "en": "{number} appears only on weak sources for {provider}; it is not treated as official.",
        "zh-Hans": "{number} 仅见于不可靠来源,不视为{provider}的官方号码。",
        "zh-Hant": "{number} 僅見於不可靠來源,不視為{provider}的官方號碼。",
    },
    "LOOKALIKE": {
        "en": "{number} looks like {official}, an official number of {other}: {how}.",
        "zh-Hans": "{number} 与{other}的官方号码 {official} 相似:{how}。",
        "zh-Hant": "{number} 與{other}的官方號碼 {official} 相似:{how}。",
    },
    "EMERGENCY": {
        "en": "{number} is an emergency number in {region}; it is not a wallet's support line.",
        "zh-Hans": "{number} 是{region}的紧急求助号码,不是钱包客服电话。",
        "zh-Hant": "{number} 是{region}的緊急求助號碼,不是錢包客服電話。",
    },
    "NO_PHONE_SUPPORT": {
        "en": "{provider} publishes no phone support; anyone phoning as its support is not official.",
        "zh-Hans": "{provider}不提供电话客服;自称其客服来电的都不是官方。",
        "zh-Hant": "{provider}不提供電話客服;自稱其客服來電的都不是官方。",
    },
    "VIA_BANK": {
        "en": "{provider} support is given by your bank; use the number on your bank's website or card.",
        "zh-Hans": "{provider}的客服由您的银行提供;请使用银行官网或银行卡上的号码。",
        "zh-Hant": "{provider}的客服由您的銀行提供;請使用銀行官網或銀行卡上的號碼。",
    },
    "NO_VERIFIED_NUMBER": {
        "en": "We ship no verified phone number for {provider}; contact it through its app or official website.",
        "zh-Hans": "我们没有{provider}经核实的电话号码;请通过其官方 App 或官网联系。",
        "zh-Hant": "我們沒有{provider}經核實的電話號碼;請透過其官方 App 或官網聯絡。",
    },
    "SPOOFABLE": {
        "en": "Caller ID can be faked: a matching number never proves who is calling.",
        "zh-Hans": "来电显示可以伪造:号码相符也不能证明来电者身份。",
        "zh-Hant": "來電顯示可以偽造:號碼相符也不能證明來電者身份。",
    },
    "AMBIGUOUS": {
        "en": "The same digits are also an official number of {other}.",
        "zh-Hans": "相同的号码也是{other}的官方号码。",
        "zh-Hant": "相同的號碼也是{other}的官方號碼。",
    },
    "AREA_CODE_SERVICE": {
        "en": "Read as the service number {service} dialled after an area code; most carriers route it to the same line.",
        "zh-Hans": "按“区号+服务号码 {service}”识别;多数运营商会接通同一热线。",
        "zh-Hant": "按「區號+服務號碼 {service}」識別;多數電訊商會接通同一熱線。",
    },
    "EXTENSION_DROPPED": {
        "en": "An extension or menu choice ({extension}) was ignored.",
        "zh-Hans": "已忽略分机号或菜单选项({extension})。",
        "zh-Hant": "已忽略分機號或選單選項({extension})。",
    },
    "VANITY_LETTERS": {
        "en": "Letters were read as keypad digits.",
        "zh-Hans": "字母已按电话键盘转换为数字。",
        "zh-Hant": "字母已按電話鍵盤轉換為數字。",
    },
    "LETTERS_NOT_USED": {
        "en": "Letters in a number are not used in {region}; check the digits.",
        "zh-Hans": "{region}不使用字母号码;请核对数字。",
        "zh-Hant": "{region}不使用字母號碼;請核對數字。",
    },
    "UNICODE_DIGITS": {
        "en": "Non-ASCII digits ({scripts}) were converted to 0-9.",
        "zh-Hans": "已将非 ASCII 数字({scripts})转换为 0-9。",
        "zh-Hant": "已將非 ASCII 數字({scripts})轉換為 0-9。",
    },
    "MIXED_SCRIPTS": {
        "en": "Digits from different scripts are mixed ({scripts}); this is a common disguise.",
        "zh-Hans": "号码混用了不同文字的数字({scripts}),这是常见的伪装手法。",
        "zh-Hant": "號碼混用了不同文字的數字({scripts}),這是常見的偽裝手法。",
    },
    "INVISIBLE_CHARACTERS": {
        "en": "Invisible characters were found and removed; the digits read are {digits}.",
        "zh-Hans": "发现并移除了不可见字符;识别出的数字为 {digits}。",
        "zh-Hant": "發現並移除了不可見字元;識別出的數字為 {digits}。",
    },
    "BIDI_CONTROL": {
        "en": "Text-direction control characters were found: what you see may differ from the digits, which are {digits}.",
        "zh-Hans": "发现文字方向控制字符:看到的号码可能与实际数字不同,实际为 {digits}。",
        "zh-Hant": "發現文字方向控制字元:看到的號碼可能與實際數字不同,實際為 {digits}。",
    },
    "CONTROL_CHARACTERS": {
        "en": "Control characters were found and removed.",
        "zh-Hans": "发现并移除了控制字符。",
        "zh-Hant": "發現並移除了控制字元。",
    },
    "EMPTY": {
        "en": "No number was given.",
        "zh-Hans": "没有输入号码。",
        "zh-Hant": "沒有輸入號碼。",
    },
    "NOT_A_NUMBER": {
        "en": "This text is not a phone number.",
        "zh-Hans": "这不是电话号码。",
        "zh-Hant": "這不是電話號碼。",
    },
    "TOO_SHORT": {
        "en": "Too few digits for a phone number in {region}.",
        "zh-Hans": "位数太少,不是{region}的电话号码。",
        "zh-Hant": "位數太少,不是{region}的電話號碼。",
    },
    "TOO_LONG": {
        "en": "Too many digits for a phone number in {region}.",
        "zh-Hans": "位数太多,不是{region}的电话号码。",
        "zh-Hant": "位數太多,不是{region}的電話號碼。",
    },
    "INVALID_COUNTRY_CODE": {
        "en": "The country code is not one that exists.",
        "zh-Hans": "国家/地区代码不存在。",
        "zh-Hant": "國家/地區代碼不存在。",
    },
    "INVALID_NUMBER": {
        "en": "{digits} is not a number in use in {region} (neither a full nor a short number).",
        "zh-Hans": "{digits} 不是{region}在用的号码(既非完整号码也非短号码)。",
        "zh-Hant": "{digits} 不是{region}在用的號碼(既非完整號碼也非短號碼)。",
    },
    "UNKNOWN_REGION": {
        "en": "{region!s} is not a known region code (use ISO 3166-1 alpha-2, like CN or US).",
        "zh-Hans": "{region!s} 不是已知的地区代码(请使用 ISO 3166-1 两字母代码,如 CN、US)。",
        "zh-Hant": "{region!s} 不是已知的地區代碼(請使用 ISO 3166-1 兩字母代碼,如 CN、US)。",
    },
    "REGION_NEEDED": {
        "en": "Without a region, {number} is no official number of any region we cover, but whether it is a real number depends on the country it is dialled in: give the region.",
        "zh-Hans": "未指定地区:{number} 不是我们所覆盖任何地区的官方号码,但它是否为真实号码取决于拨打所在的国家/地区,请指定地区。",
        "zh-Hant": "未指定地區:{number} 不是我們所涵蓋任何地區的官方號碼,但它是否為真實號碼取決於撥打所在的國家/地區,請指定地區。",
    },
    "OTHER_REGION": {
        "en": "{number} is {provider}'s number in {elsewhere}; it does not work from {region}.",
        "zh-Hans": "{number} 是{provider}在{elsewhere}的号码,从{region}拨打无法接通。",
        "zh-Hant": "{number} 是{provider}在{elsewhere}的號碼,從{region}撥打無法接通。",
    },
    "DIAL_CODE": {
        "en": "{code} is a dial code (a service or menu code), not a phone number: it is never an official number to call.",
        "zh-Hans": "{code} 是拨号指令(服务或菜单代码),不是电话号码,绝不是可拨打的官方号码。",
        "zh-Hant": "{code} 是撥號指令(服務或選單代碼),不是電話號碼,絕不是可撥打的官方號碼。",
    },
    "CALL_FORWARDING": {
        "en": "{code} is a call-forwarding code: dialling it sends {what} to {target}. Scammers ask people to dial such codes to receive their calls and one-time codes.",
        "zh-Hans": "{code} 是呼叫转移指令:拨打后会把{what}转到 {target}。骗子会诱导他人拨打此类代码,以截获来电和验证码。",
        "zh-Hant": "{code} 是來電轉駁指令:撥打後會把{what}轉到 {target}。騙徒會誘導他人撥打此類代碼,以截取來電和驗證碼。",
    },
    "SHORT_NUMBER_ABROAD": {
        "en": "{number} is a short number of {region}, written with a country code: short numbers work only inside {region} and cannot be dialled from abroad.",
        "zh-Hans": "{number} 是{region}的短号码,却带有国家代码:短号码只能在{region}境内拨打,无法从境外拨打。",
        "zh-Hant": "{number} 是{region}的短號碼,卻帶有國家代碼:短號碼只能在{region}境內撥打,無法從境外撥打。",
    },
    "DIGIT_LIKE_CHARACTERS": {
        "en": "Characters that look like digits ({characters}) were read as digits; circled, superscript and similar digits are used to slip numbers past filters.",
        "zh-Hans": "已将形似数字的字符({characters})按数字识别;带圈、上标等数字常被用来躲避过滤。",
        "zh-Hant": "已將形似數字的字元({characters})按數字識別;帶圈、上標等數字常被用來躲避過濾。",
    },
    "OTHER_CHARACTERS": {
        "en": "Other characters were removed or converted: {characters}.",
        "zh-Hans": "已移除或转换其他字符:{characters}。",
        "zh-Hant": "已移除或轉換其他字元:{characters}。",
    },
    "LETTERS_AS_DIGITS": {
        "en": "Letters stand in for digits ({letters}): fake numbers are written this way to dodge filters, so this is never an official number.",
        "zh-Hans": "号码中用字母冒充数字({letters}):假号码常这样书写以躲避过滤,因此绝不是官方号码。",
        "zh-Hant": "號碼中用字母冒充數字({letters}):假號碼常這樣書寫以躲避過濾,因此絕不是官方號碼。",
    },
}

#: Other words for a code, chosen by the parameter its reason carries (``AMBIGUOUS`` about regions
#: rather than providers).
VARIANTS: Mapping[tuple[str, str], Mapping[str, str]] = {
    ("AMBIGUOUS", "regions"): {
        "en": "Without a region these digits cannot be told apart: they are a number in {regions}. Give the region where it is dialled.",
        "zh-Hans": "未指定地区,无法判断这组数字:它在{regions}都是号码。请指定拨打所在的地区。",
        "zh-Hant": "未指定地區,無法判斷這組數字:它在{regions}都是號碼。請指定撥打所在的地區。",
    },
}

#: What a call-forwarding code forwards (see ``phone.dialcodes.FORWARDING_KINDS``).
FORWARDED: Mapping[str, Mapping[str, str]] = {
    "all": {"en": "all your calls", "zh-Hans": "您的所有来电", "zh-Hant": "您的所有來電"},
    "conditional": {
        "en": "the calls you do not take",
        "zh-Hans": "您未接听的来电",
        "zh-Hant": "您未接聽的來電",
    },
    "no-answer": {"en": "the calls you do not answer", "zh-Hans": "您无人接听的来电", "zh-Hant": "您無人接聽的來電"},
    "unreachable": {
        "en": "your calls when your phone is off or out of reach",
        "zh-Hans": "您关机或无法接通时的来电",
        "zh-Hant": "您關機或無法接通時的來電",
    },
    "busy": {"en": "your calls when you are busy", "zh-Hans": "您占线时的来电", "zh-Hant": "您通話中時的來電"},
}

LOOKALIKE_KINDS: Mapping[str, Mapping[str, str]] = {
    "digit-changed": {"en": "one digit changed", "zh-Hans": "改了一位数字", "zh-Hant": "改了一位數字"},
    "digit-added": {"en": "one digit added", "zh-Hans": "多了一位数字", "zh-Hant": "多了一位數字"},
    "digit-removed": {"en": "one digit removed", "zh-Hans": "少了一位数字", "zh-Hant": "少了一位數字"},
    "digits-swapped": {"en": "two digits swapped", "zh-Hans": "两位数字顺序颠倒", "zh-Hant": "兩位數字順序顛倒"},
    "extra-digits": {
        "en": "the official number with a few digits added before or after it",
        "zh-Hans": "官方号码前或后加了几位数字",
        "zh-Hant": "官方號碼前或後加了幾位數字",
    },
    "letters-for-digits": {
        "en": "letters written in place of digits",
        "zh-Hans": "用字母冒充数字",
        "zh-Hant": "用字母冒充數字",
    },
}

WORDS: Mapping[str, Mapping[str, str]] = {
    "inbound": {"en": "customer-service (call-in)", "zh-Hans": "客服(呼入)", "zh-Hant": "客服(撥入)"},
    "outbound": {"en": "outgoing (call-out)", "zh-Hans": "外呼", "zh-Hant": "外撥"},
    "both": {"en": "call-in and call-out", "zh-Hans": "呼入及外呼", "zh-Hant": "撥入及外撥"},
    "official": {"en": "official", "zh-Hans": "官方来源", "zh-Hant": "官方來源"},
    "reported": {"en": "reported", "zh-Hans": "多方报道", "zh-Hant": "多方報道"},
    "any provider": {"en": "any provider", "zh-Hans": "任何机构", "zh-Hant": "任何機構"},
    # risk levels (the command line's first word)
    "risk:low": {"en": "LOW RISK", "zh-Hans": "低风险", "zh-Hant": "低風險"},
    "risk:unknown": {"en": "UNKNOWN NUMBER", "zh-Hans": "未知号码", "zh-Hant": "未知號碼"},
    "risk:caution": {"en": "CAUTION", "zh-Hans": "注意", "zh-Hant": "注意"},
    "risk:high": {"en": "HIGH RISK", "zh-Hans": "高风险", "zh-Hant": "高風險"},
    # the command line's headings and labels
    "verdict:official": {"en": "OFFICIAL", "zh-Hans": "官方号码", "zh-Hant": "官方號碼"},
    "verdict:unofficial": {"en": "NOT OFFICIAL", "zh-Hans": "非官方号码", "zh-Hant": "非官方號碼"},
    "verdict:malformed": {"en": "NOT A VALID NUMBER", "zh-Hans": "号码无效", "zh-Hant": "號碼無效"},
    "whose": {"en": "Provider", "zh-Hans": "所属机构", "zh-Hant": "所屬機構"},
    "normalized": {"en": "Number", "zh-Hans": "号码", "zh-Hant": "號碼"},
    "reasons": {"en": "Why", "zh-Hans": "原因", "zh-Hant": "原因"},
    "advice": {"en": "What to do", "zh-Hans": "建议", "zh-Hant": "建議"},
    "sources": {"en": "Sources", "zh-Hans": "来源", "zh-Hant": "來源"},
    "lookalike": {"en": "Imitates", "zh-Hans": "模仿", "zh-Hant": "模仿"},
    "channels": {"en": "Channels (most trusted first)", "zh-Hans": "联系渠道(按可信度排序)", "zh-Hant": "聯絡渠道(按可信度排序)"},
    "policies": {"en": "What it says about calls", "zh-Hans": "来电说明", "zh-Hant": "來電說明"},
    "fakes": {"en": "Known fake numbers", "zh-Hans": "已知假号码", "zh-Hant": "已知假號碼"},
    "hours": {"en": "hours", "zh-Hans": "服务时间", "zh-Hant": "服務時間"},
    "busy": {"en": "busy", "zh-Hans": "繁忙时段", "zh-Hant": "繁忙時段"},
    "prepare": {"en": "Before you call", "zh-Hans": "致电前准备", "zh-Hant": "致電前準備"},
    "escalate": {"en": "If that does not help", "zh-Hans": "如仍未解决", "zh-Hant": "如仍未解決"},
    "report": {"en": "Fraud report lines", "zh-Hans": "反诈举报电话", "zh-Hant": "反詐舉報電話"},
    "report_online": {"en": "Report online", "zh-Hans": "网上举报", "zh-Hant": "網上舉報"},
    "no_phone": {"en": "No phone support is published.", "zh-Hans": "未公布电话客服。", "zh-Hant": "未公佈電話客服。"},
    "via_bank": {"en": "Phone support is given by your bank.", "zh-Hans": "电话客服由您的银行提供。", "zh-Hant": "電話客服由您的銀行提供。"},
}

ADVICE: Mapping[str, Mapping[str, str]] = {
    "official_in": {
        "en": "You can call this number. Still, never tell anyone your passwords, PINs or SMS codes, even on an official line.",
        "zh-Hans": "可以拨打此号码。但即使是官方热线,也不要透露密码、PIN 或短信验证码。",
        "zh-Hant": "可以撥打此號碼。但即使是官方熱線,也不要透露密碼、PIN 或短訊驗證碼。",
    },
    "official_out": {
        "en": "This number is published as one {provider} calls from, but caller ID can be faked.",
        "zh-Hans": "此号码是{provider}公布的外呼号码,但来电显示可以伪造。",
        "zh-Hant": "此號碼是{provider}公佈的外撥號碼,但來電顯示可以偽造。",
    },
    "hang_up": {
        "en": "Hang up, then contact {provider} yourself through its app or a number you look up on its official website{numbers}.",
        "zh-Hans": "请挂断电话,然后通过{provider}的官方 App 或官网上的号码自行联系{numbers}。",
        "zh-Hant": "請掛斷電話,然後透過{provider}的官方 App 或官網上的號碼自行聯絡{numbers}。",
    },
    "do_not_call": {
        "en": "Do not call this number or trust anyone who gave it to you.",
        "zh-Hans": "不要拨打此号码,也不要相信提供此号码的人。",
        "zh-Hant": "不要撥打此號碼,也不要相信提供此號碼的人。",
    },
    "use_official": {
        "en": "Official numbers of {provider}: {numbers}.",
        "zh-Hans": "{provider}的官方号码:{numbers}。",
        "zh-Hant": "{provider}的官方號碼:{numbers}。",
    },
    "no_numbers": {
        "en": "Use the help section of {provider}'s official app or website.",
        "zh-Hans": "请使用{provider}官方 App 或官网的帮助中心。",
        "zh-Hant": "請使用{provider}官方 App 或官網的幫助中心。",
    },
    "lookalike": {
        "en": "It imitates {official}: scammers pick numbers one digit away from real ones.",
        "zh-Hans": "它在模仿 {official}:骗子常用与真号码只差一位的号码。",
        "zh-Hant": "它在模仿 {official}:騙徒常用與真號碼只差一位的號碼。",
    },
    "emergency": {
        "en": "Call it only for a real emergency (police, fire, ambulance).",
        "zh-Hans": "仅在真正紧急情况下拨打(报警、火警、急救)。",
        "zh-Hant": "僅在真正緊急情況下撥打(報警、火警、急救)。",
    },
    "malformed": {
        "en": "Check the digits: copy the number from the provider's official website or app, not from a message or a search result.",
        "zh-Hans": "请核对号码:从官方网站或 App 复制号码,不要使用短信或搜索结果中的号码。",
        "zh-Hant": "請核對號碼:從官方網站或 App 複製號碼,不要使用訊息或搜尋結果中的號碼。",
    },
    "policies": {
        "en": "What {provider} says about its calls:",
        "zh-Hans": "{provider}关于来电的说明:",
        "zh-Hant": "{provider}關於來電的說明:",
    },
    "never_share": {
        "en": "No real support agent asks for your password, PIN, SMS code, or a transfer to a 'safe' account.",
        "zh-Hans": "真正的客服不会索要密码、PIN、短信验证码,也不会要求转账到“安全账户”。",
        "zh-Hant": "真正的客服不會索取密碼、PIN、短訊驗證碼,也不會要求轉帳到「安全帳戶」。",
    },
    "report": {
        "en": "If you have already given details or money, report it: {numbers}.",
        "zh-Hans": "如果已经泄露信息或转账,请立即报案:{numbers}。",
        "zh-Hant": "如已洩露資料或轉帳,請立即報案:{numbers}。",
    },
    "report_online": {
        "en": "If you have already given details or money, report it to the authorities: {where}.",
        "zh-Hans": "如果已经泄露信息或转账,请向有关部门举报:{where}。",
        "zh-Hant": "如已洩露資料或轉帳,請向有關部門舉報:{where}。",
    },
    "caution": {
        "en": "Not confirmed: we could not confirm this number as {provider}'s. Contact {provider} through the numbers below or its app or website instead.",
        "zh-Hans": "未经证实:无法确认此号码属于{provider}。请改用下列号码或{provider}的官方 App、官网联系。",
        "zh-Hant": "未經證實:無法確認此號碼屬於{provider}。請改用下列號碼或{provider}的官方 App、官網聯絡。",
    },
    "unknown": {
        "en": "We know nothing about this number: it is no published number of any provider we cover. Never share a code or send money because of a call or message from it.",
        "zh-Hans": "我们对此号码一无所知:它不是我们所覆盖任何机构公布的号码。切勿因来自此号码的电话或短信而透露验证码或转账。",
        "zh-Hant": "我們對此號碼一無所知:它不是我們所涵蓋任何機構公佈的號碼。切勿因來自此號碼的電話或訊息而透露驗證碼或轉帳。",
    },
    "official_reported": {
        "en": "Independent sources agree on this number, but {provider}'s own pages do not show it: prefer a number {provider} publishes itself{numbers}.",
        "zh-Hans": "多个独立来源一致给出此号码,但{provider}自己的网页上没有:请优先使用{provider}自己公布的号码{numbers}。",
        "zh-Hant": "多個獨立來源一致給出此號碼,但{provider}自己的網頁上沒有:請優先使用{provider}自己公佈的號碼{numbers}。",
    },
    "other_region": {
        "en": "From {region} use {numbers}, or {provider}'s app or website.",
        "zh-Hans": "在{region}请拨打 {numbers},或使用{provider}的官方 App 或官网。",
        "zh-Hant": "在{region}請撥打 {numbers},或使用{provider}的官方 App 或官網。",
    },
    "other_region_no_line": {
        "en": "From {region} use {provider}'s app or website.",
        "zh-Hans": "在{region}请使用{provider}的官方 App 或官网。",
        "zh-Hant": "在{region}請使用{provider}的官方 App 或官網。",
    },
    "elsewhere_only": {
        "en": "{provider} publishes no line for {region}; its lines elsewhere: {numbers}.",
        "zh-Hans": "{provider}没有公布{region}的号码;其他地区的号码:{numbers}。",
        "zh-Hant": "{provider}沒有公佈{region}的號碼;其他地區的號碼:{numbers}。",
    },
    "official_outbound_only": {
        "en": "{provider} publishes this number as one it calls from; it is not a line to call. Caller ID can be faked: contact {provider} through its app or its official numbers instead.",
        "zh-Hans": "{provider}公布此号码为其外呼号码,不是可拨打的客服热线。来电显示可以伪造:请通过{provider}官方 App 或官方号码联系。",
        "zh-Hant": "{provider}公佈此號碼為其外撥號碼,不是可撥打的客服熱線。來電顯示可以偽造:請透過{provider}官方 App 或官方號碼聯絡。",
    },
    "dial_code": {
        "en": "Never dial a code that someone sent you or asked you to dial.",
        "zh-Hans": "切勿拨打他人发来或要求您拨打的代码。",
        "zh-Hant": "切勿撥打他人傳來或要求您撥打的代碼。",
    },
    "forwarding_undo": {
        "en": "If you dialled it, dial ##002# to cancel all call forwarding, then call your phone company from another phone.",
        "zh-Hans": "如果已经拨打,请拨 ##002# 取消所有呼叫转移,并用其他电话联系您的运营商。",
        "zh-Hant": "如已撥打,請撥 ##002# 取消所有來電轉駁,並用其他電話聯絡您的電訊商。",
    },
    "abroad": {
        "en": "Short numbers work only inside the country. From abroad use {numbers}, or {provider}'s app or website.",
        "zh-Hans": "短号码只能在境内拨打。身在境外请拨打 {numbers},或使用{provider}的官方 App 或官网。",
        "zh-Hant": "短號碼只能在境內撥打。身在境外請撥打 {numbers},或使用{provider}的官方 App 或官網。",
    },
    "abroad_no_line": {
        "en": "Short numbers work only inside the country. From abroad use {provider}'s app or website.",
        "zh-Hans": "短号码只能在境内拨打。身在境外请使用{provider}的官方 App 或官网。",
        "zh-Hant": "短號碼只能在境內撥打。身在境外請使用{provider}的官方 App 或官網。",
    },
    "region_needed": {
        "en": "Give the region (the country where the number is dialled) for a full answer.",
        "zh-Hans": "请指定地区(拨打号码所在的国家/地区)以获得完整结论。",
        "zh-Hant": "請指定地區(撥打號碼所在的國家/地區)以獲得完整結論。",
    },
    "report_online_also": {
        "en": "You can also report it online: {where}.",
        "zh-Hans": "也可以在网上举报:{where}。",
        "zh-Hant": "也可以在網上舉報:{where}。",
    },
}


def pick(table: Mapping[str, str], locale: str | None) -> str:
    for loc in locale_chain(locale):
        if loc in table:
            return table[loc]
    return table["en"]


class _Safe(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, **fields: object) -> str:
    return template.format_map(_Safe(fields))
