using Print.Core.Customers;

namespace Print.Core.Validation;

/// <summary>A preferred channel written in Chinese or English: 信件/邮寄/mail, 短信/sms, 邮件/电子邮件/email, 电话/phone.</summary>
public static class ChannelText
{
    public static Validated<Channel> Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "信件" or "邮寄" or "直邮" or "mail" => Channel.Mail,
        "短信" or "sms" => Channel.Sms,
        "邮件" or "电子邮件" or "email" or "e-mail" => Channel.Email,
        "电话" or "phone" or "call" => Channel.Phone,
        _ => Validated.Fail("not a channel (信件, 短信, 邮件 or 电话)"),
    };
}
