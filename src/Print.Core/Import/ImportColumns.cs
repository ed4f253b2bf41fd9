using Print.Core.Privacy;

namespace Print.Core.Import;

/// <summary>
/// Each column's English key (the name mapping files use and English headers match), its Chinese header as
/// the insurer exports it, other headers seen in the wild, whether a file must have it, and how its values
/// are masked when shown (null: not personal).
/// </summary>
public sealed record ImportColumnInfo(ImportColumn Column, string Key, string Chinese, bool Required, Func<string, string>? Mask, params string[] Aliases);

public static class ImportColumns
{
    public static IReadOnlyList<ImportColumnInfo> All { get; } =
    [
        new(ImportColumn.CustomerId, "customer_id", "客户编号", true, null, "客户号", "客户代码"),
        new(ImportColumn.Name, "name", "姓名", true, Pii.MaskName, "客户姓名"),
        new(ImportColumn.Gender, "gender", "性别", false, null),
        new(ImportColumn.Birthday, "birthday", "出生日期", false, Pii.MaskBirthday, "生日"),
        new(ImportColumn.IdNumber, "id_number", "身份证号", false, Pii.MaskIdNumber, "身份证号码", "证件号码"),
        new(ImportColumn.Mobile, "mobile", "手机", false, Pii.MaskMobile, "手机号", "手机号码"),
        new(ImportColumn.Email, "email", "邮箱", false, Pii.MaskEmail, "电子邮箱", "e-mail"),
        new(ImportColumn.Province, "province", "省", false, null, "省份"),
        new(ImportColumn.City, "city", "市", false, null, "城市"),
        new(ImportColumn.District, "district", "区", false, null, "区县"),
        new(ImportColumn.Street, "street", "详细地址", false, Pii.MaskStreet, "地址", "address"),
        new(ImportColumn.Postcode, "postcode", "邮编", false, null, "邮政编码", "post_code"),
        new(ImportColumn.Occupation, "occupation", "职业", false, null),
        new(ImportColumn.PolicyNumber, "policy_number", "保单号", true, null, "保单号码"),
        new(ImportColumn.Plate, "plate", "车牌号", false, null, "车牌", "车牌号码"),
        new(ImportColumn.CarModel, "car_model", "车型", false, null, "品牌型号"),
        new(ImportColumn.StartDate, "start_date", "起保日期", true, null, "保险起期"),
        new(ImportColumn.EndDate, "end_date", "终保日期", true, null, "保险止期"),
        new(ImportColumn.Premium, "premium", "保费", true, null, "保险费"),
        new(ImportColumn.ClaimsCount, "claims_count", "出险次数", false, null),
        new(ImportColumn.ClaimsAmount, "claims_amount", "赔款金额", false, null, "赔款"),
        new(ImportColumn.Profit, "profit", "利润", false, null),
        new(ImportColumn.Margin, "margin", "利润率", false, null),
        new(ImportColumn.DoNotMail, "do_not_mail", "不寄信", false, null),
        new(ImportColumn.DoNotSms, "do_not_sms", "不发短信", false, null),
        new(ImportColumn.DoNotEmail, "do_not_email", "不发邮件", false, null),
        new(ImportColumn.DoNotCall, "do_not_call", "不致电", false, null),
        new(ImportColumn.PreferredChannel, "preferred_channel", "首选渠道", false, null),
    ];

    /// <summary>The description of <paramref name="column"/>; <see cref="All"/> lists the columns in enum order.</summary>
    public static ImportColumnInfo Of(ImportColumn column) => All[(int)column];

    private static readonly Dictionary<string, ImportColumn> ByKey = All.ToDictionary(c => c.Key, c => c.Column);

    /// <summary>The column an English key names (customer_id, mobile, …), as a mapping file writes it.</summary>
    public static ImportColumn? ForKey(string key) => ByKey.TryGetValue(key.Trim().ToLowerInvariant(), out var c) ? c : null;

    /// <summary>"customer_id, name, …" for error messages.</summary>
    public static string KeyList => string.Join(", ", All.Select(c => c.Key));
}
