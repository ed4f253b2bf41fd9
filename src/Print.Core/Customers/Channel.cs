namespace Print.Core.Customers;

/// <summary>The ways the campaign can reach a customer (seed: direct mail, SMS, e-mail, telephone).</summary>
public enum Channel { Mail, Sms, Email, Phone }
