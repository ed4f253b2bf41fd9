namespace Print.Core.Customers;

public enum Gender { Unknown, Male, Female }
